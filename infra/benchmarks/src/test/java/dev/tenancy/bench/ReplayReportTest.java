package dev.tenancy.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayReportTest {

    @TempDir
    Path directory;

    @Test
    void aRunReplacesOnlyItsOwnSectionAndAppendsItTheFirstTime() throws Exception {
        Path report = directory.resolve("benchmarks.md");
        Files.writeString(report, "# Usage\n\n## What we noticed\n\nhand-written\n");

        ReplayReport.write(report, ReplayReport.START + "\nfirst\n" + ReplayReport.END);
        Files.writeString(report, Files.readString(report) + "\n### Replay notes by hand\n");
        ReplayReport.write(report, ReplayReport.START + "\nsecond\n" + ReplayReport.END);

        assertThat(Files.readString(report)).isEqualTo("# Usage\n\n## What we noticed\n\nhand-written\n\n"
                + ReplayReport.START + "\nsecond\n" + ReplayReport.END + "\n\n### Replay notes by hand\n");
    }

    @Test
    void theSectionListsTheParsedScanAndSaysWhetherItsFloorLeavesRoomForTheTarget() {
        ReplaySettings settings = ReplaySettings.parse(new String[]{"--repo=" + directory}, directory);
        Machine machine = new Machine(2, "test cpu", 1L << 30, "test os", "test jvm");
        List<ReplayScan> scans = List.of(new ReplayScan("raw scan, natural order", 1000, 0.02),
                new ReplayScan("raw scan, by timestamp", 1000, 0.01));
        List<ReplayRun> runs = List.of(run("tenants", 20_000), run("usage", 10_000));

        String under = ReplayReport.section(new ReplayResults(Instant.EPOCH, 1, settings, machine, 1000, 1, 1000,
                scans, new ReplayScan("parsed", 1000, 0.025), runs));
        String over = ReplayReport.section(new ReplayResults(Instant.EPOCH, 1, settings, machine, 1000, 1, 1000,
                scans, new ReplayScan("parsed", 1000, 0.015), runs));

        assertThat(under).contains("| parsed | 1000 | 0.03 | 40000 |").contains("0.40x the raw scan")
                .contains("no rebuild reaches the target");
        assertThat(over).contains("0.67x the raw scan").contains("It leaves room for the target");
        assertThat(over).contains("with the defaults: 0.10x the first time (**missed**)")
                .contains("(tenants with the bulk pass, pooled x1, batch 200, fetch 1000): 0.20x (**missed**)");
    }

    private static ReplayRun run(String projection, double eventsPerSecond) {
        return new ReplayRun(projection, false, true, "pooled", 1, 200, 1000, 1.0, 1000, 1.0, 0.5, eventsPerSecond,
                0.5, 0.5, 0.0);
    }

    @Test
    void flagsHaveDefaultsAndAreChecked() {
        ReplaySettings defaults = ReplaySettings.parse(new String[]{"--repo=" + directory}, directory);
        assertThat(defaults.events()).isEqualTo(20_000);
        assertThat(defaults.segments()).containsExactly(1, 2, 4);
        assertThat(defaults.processorAlone()).isTrue();
        assertThat(ReplaySettings.parse(new String[]{"--repo=" + directory, "--processor-alone=false"}, directory)
                .processorAlone()).isFalse();
        assertThatThrownBy(() -> ReplaySettings.parse(new String[]{"--repo=" + directory, "--processor-alone=no"},
                directory)).hasMessageContaining("--processor-alone");
        assertThat(ReplaySettings.parse(new String[]{"--repo=" + directory, "--fetch-sizes=50, 500",
                "--report=none"}, directory)).satisfies(settings -> {
                    assertThat(settings.fetchSizes()).containsExactly(50, 500);
                    assertThat(settings.report()).isNull();
                });
        assertThatThrownBy(() -> ReplaySettings.parse(new String[]{"--repo=" + directory, "--segments=0"}, directory))
                .hasMessageContaining("--segments");
        assertThatThrownBy(() -> ReplaySettings.parse(new String[]{"--nope=1"}, directory))
                .hasMessageContaining("Unknown flag");
    }
}

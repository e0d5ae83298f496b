package dev.tenancy.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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

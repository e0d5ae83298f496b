package dev.tenancy.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchSettingsTest {

    @TempDir
    Path repo;

    @Test
    void defaultsFindTheRepositoryAboveTheWorkingDirectory() throws IOException {
        Files.createDirectories(repo.resolve("command-service"));
        Files.createDirectories(repo.resolve("query-service"));
        Path nested = Files.createDirectories(repo.resolve("infra/benchmarks"));

        BenchSettings settings = BenchSettings.parse(new String[0], nested);

        assertThat(settings.repo()).isEqualTo(repo.toAbsolutePath());
        assertThat(settings.report()).isEqualTo(repo.resolve("docs/benchmarks.md").toAbsolutePath());
        assertThat(settings.threads()).isEqualTo(8);
        assertThat(settings.durationSeconds()).isEqualTo(20);
        assertThat(settings.kafkaRecords()).isEqualTo(6_000);
        assertThat(settings.kafkaWarmup()).isEqualTo(3_000);
        assertThat(settings.serviceHeap()).isEqualTo("256m");
        assertThat(settings.longEvents()).isEqualTo(100_000);
        assertThat(settings.warmupSeconds()).isEqualTo(60);
        assertThat(settings.longSeed()).isEqualTo(BenchSettings.SEED_STORE);
    }

    @Test
    void flagsOverrideDefaults() {
        BenchSettings settings = BenchSettings.parse(new String[] {"--repo=" + repo, "--threads=2", "--warmup=0",
                "--kafka-records=1_000", "--kafka-warmup=0", "--long-seed=kafka", "--report=none"}, repo);

        assertThat(settings.threads()).isEqualTo(2);
        assertThat(settings.warmupSeconds()).isZero();
        assertThat(settings.kafkaRecords()).isEqualTo(1_000);
        assertThat(settings.kafkaWarmup()).isZero();
        assertThat(settings.longSeed()).isEqualTo(BenchSettings.SEED_KAFKA);
        assertThat(settings.report()).isNull();
    }

    @Test
    void unknownOrMalformedFlagsAreRefused() {
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--repo=" + repo, "--thread=2"}, repo))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--thread");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--repo=" + repo, "--threads=0"}, repo))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--repo=" + repo, "threads=2"}, repo))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--repo=" + repo, "--long-seed=rest"}, repo))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--long-seed");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] {"--repo=" + repo, "--duration=ten"}, repo))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }

    @Test
    void withoutServicesAboveTheWorkingDirectoryItSaysHowToPointAtTheRepository() {
        assertThatThrownBy(() -> BenchSettings.parse(new String[0], repo))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--repo");
    }
}

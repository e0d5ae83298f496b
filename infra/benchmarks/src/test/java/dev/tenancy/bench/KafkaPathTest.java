package dev.tenancy.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaPathTest {

    @Test
    void recordsAreSpreadEvenlyAndNoneIsLost() {
        assertThat(IntStream.range(0, 3).map(t -> KafkaPath.share(10, 3, t)).toArray()).containsExactly(4, 3, 3);
        assertThat(IntStream.range(0, 4).map(t -> KafkaPath.share(2, 4, t)).toArray()).containsExactly(1, 1, 0, 0);
        assertThat(KafkaPath.share(3_000, 1, 0)).isEqualTo(3_000);
    }
}

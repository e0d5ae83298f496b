package dev.tenancy.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpFloorTest {

    @Test
    void eachIncrementIsOneInsertWithTheClientsThreadAndSequence() throws Exception {
        List<String> inserts = new CopyOnWriteArrayList<>();
        try (HttpFloor floor = new HttpFloor((thread, sequence) -> inserts.add(thread + "/" + sequence), 2)) {
            Operation increment = floor.increment();
            increment.run(3, 41);
            increment.run(3, 42);
            increment.run(7, 0);
        }
        assertThat(inserts).containsExactly("3/41", "3/42", "7/0");
    }

    @Test
    void aFailedInsertFailsTheIncrement() throws Exception {
        try (HttpFloor floor = new HttpFloor((thread, sequence) -> {
            throw new IllegalStateException("duplicate key");
        }, 1)) {
            assertThatThrownBy(() -> floor.increment().run(0, 0)).hasMessageContaining("500");
        }
    }
}

package dev.tenancy.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedVersionTest {

    private static final int ENTRIES = 5_000;
    private static final String VALUE = "x".repeat(500);

    @TempDir
    Path directory;

    private MVStore store;
    private MVMap<Integer, String> map;

    @BeforeEach
    void fill() {
        // a small page cache, so the scan reads most pages back from their chunks, and no grace period for chunks
        store = new MVStore.Builder().fileName(directory.resolve("store.mv").toString()).cacheSize(1).open();
        store.setRetentionTime(0);
        map = store.openMap("documents");
        writeAll("first");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aScanInsideThePinReadsEveryEntryWhileTheChunksUnderItAreRewritten() {
        int read = new PinnedVersion(store).during(this::scanWhileRewriting);

        assertThat(read).isEqualTo(ENTRIES);
    }

    /** What the pin is for: H2 alone drops the chunks a scan started before a rewrite still needs. */
    @Test
    void withoutThePinTheSameScanLosesItsChunks() {
        assertThatThrownBy(this::scanWhileRewriting).isInstanceOf(MVStoreException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void theVersionIsReleasedWhenTheWorkFails() {
        PinnedVersion pinned = new PinnedVersion(store);

        assertThatThrownBy(() -> pinned.during(() -> {
            throw new IllegalStateException("query failed");
        })).hasMessage("query failed");
        assertThatThrownBy(this::scanWhileRewriting).isInstanceOf(MVStoreException.class);
    }

    private int scanWhileRewriting() {
        Iterator<Map.Entry<Integer, String>> scan = map.entrySet().iterator();
        int read = 0;
        for (; read < 100; read++) {
            scan.next();
        }
        writeAll("second");
        store.compact(90, 64 * 1024 * 1024);
        store.commit();
        for (; scan.hasNext(); read++) {
            scan.next();
        }
        return read;
    }

    private void writeAll(String round) {
        for (int i = 0; i < ENTRIES; i++) {
            map.put(i, VALUE + round + i);
            if (i % 1000 == 0) {
                store.commit();
            }
        }
        store.commit();
    }
}

package dev.tenancy.embedded.store;

import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * Keeps the store version a command starts on, and so every chunk holding its pages, until the command is done. H2
 * drops a chunk once no retained version uses its pages, without waiting for readers it was not told about, and
 * mongo-java-server reads its maps without telling it: a scan of 200,000 documents on a store just written failed
 * with {@code Chunk ... not found} when the background writer rewrote the chunks under it.
 */
final class PinnedVersion {

    private final MVStore store;

    PinnedVersion(MVStore store) {
        this.store = store;
    }

    <T> T during(Supplier<T> work) {
        MVStore.TxCounter reading = store.registerVersionUsage();
        try {
            return work.get();
        } finally {
            store.deregisterVersionUsage(reading);
        }
    }
}

package dev.tenancy.query.replay;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collections for a rebuild's bulk pass. Replaying events one round trip at a time runs at a small fraction of the
 * speed the event store is read at; here the handlers' reads by id and guarded writes are answered in memory and
 * written with a few bulk writes per {@link #flush()}, while every other call goes to the real collection after the
 * pending changes, so the handlers see exactly what they would see without the cache.
 *
 * <p>The target collections must be empty at the start (a rebuild's fresh shadow collections) and written by nobody
 * else while this is in use: the cache then knows every document without reading it. {@link #flush()} must be called
 * regularly (it also bounds the memory: past {@code maxCachedDocuments} the cache forgets the documents, keeping a
 * hash of each id, and reads only an id it has forgotten) and once more at the end, then {@link #release()}; a failed
 * flush leaves the shadow collections in an unknown state, the rebuild must start over.
 */
public final class WriteBehindCollections implements ReadModelCollections {

    /**
     * For the rebuild's logs: how much the cache answered, how often the server had to, what got written, and how
     * many documents were read by id because the cache no longer knew them.
     */
    public record Stats(long inMemory, long fallbacks, long documentsWritten, long documentsRead) {
    }

    static final class Counters {
        final LongAdder inMemory = new LongAdder();
        final LongAdder fallbacks = new LongAdder();
        final LongAdder written = new LongAdder();
        final LongAdder reads = new LongAdder();
    }

    private final ReadModelCollections target;
    private final int maxCachedDocuments;
    private final Map<String, WriteBehindCollection> collections = new ConcurrentHashMap<>();
    private final Counters counters = new Counters();

    public WriteBehindCollections(ReadModelCollections target, int maxCachedDocuments) {
        if (maxCachedDocuments < 0) {
            throw new IllegalArgumentException("maxCachedDocuments must not be negative");
        }
        this.target = target;
        this.maxCachedDocuments = maxCachedDocuments;
    }

    @Override
    public MongoCollection<Document> get(String logicalName) {
        return collections.computeIfAbsent(logicalName,
                name -> new WriteBehindCollection(name, target, maxCachedDocuments, counters)).proxy();
    }

    /** Writes every pending change; call while no operation runs. */
    public void flush() {
        collections.values().forEach(WriteBehindCollection::flush);
    }

    /** Drops every cached document and any change not flushed yet: for after the last flush, or a pass given up. */
    public void release() {
        collections.values().forEach(WriteBehindCollection::release);
    }

    /** How many documents all collections hold in memory now. */
    int cachedDocuments() {
        return collections.values().stream().mapToInt(WriteBehindCollection::cachedDocuments).sum();
    }

    public Stats stats() {
        return new Stats(counters.inMemory.sum(), counters.fallbacks.sum(), counters.written.sum(), counters.reads.sum());
    }
}

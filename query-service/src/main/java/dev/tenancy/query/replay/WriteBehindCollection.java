package dev.tenancy.query.replay;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.InsertOneResult;
import com.mongodb.client.result.UpdateResult;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One collection's cache: the documents as the server would hold them after the calls so far (stored encoded, so a
 * read decodes them exactly as the driver would), and which of them still have to be written. Every method holds the
 * collection's lock; the documents in the cache are never changed in place, only replaced.
 */
final class WriteBehindCollection {

    private static final int BULK_CHUNK = 1000;
    /** About 16 to 32 MB of hashes; past that a miss reads the collection, as after a write the cache cannot mirror. */
    private static final int MAX_FORGOTTEN_IDS = 1_000_000;

    /** A known document, or a known absence ({@code document == null}); {@code inTarget}: as of the last flush. */
    private static final class Entry {
        BsonDocument document;
        boolean inTarget;

        Entry(BsonDocument document, boolean inTarget) {
            this.document = document;
            this.inTarget = inTarget;
        }
    }

    private final String name;
    private final ReadModelCollections target;
    private final int maxCachedDocuments;
    private final WriteBehindCollections.Counters counters;
    private final DriverCodec codec;
    private final MongoCollection<Document> proxy;
    private final Map<BsonValue, Entry> known = new HashMap<>();
    private final Set<BsonValue> dirty = new LinkedHashSet<>();
    private final IdHashes forgotten = new IdHashes();
    private boolean complete = true;

    @SuppressWarnings("unchecked")
    WriteBehindCollection(String name, ReadModelCollections target, int maxCachedDocuments,
                          WriteBehindCollections.Counters counters) {
        this.name = name;
        this.target = target;
        this.maxCachedDocuments = maxCachedDocuments;
        this.counters = counters;
        MongoCollection<Document> real = target.get(name);
        this.codec = new DriverCodec(real.getCodecRegistry());
        this.proxy = (MongoCollection<Document>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class},
                new CollectionProxy(this, real.getWriteConcern().isAcknowledged(), counters));
    }

    MongoCollection<Document> proxy() {
        return proxy;
    }

    String name() {
        return name;
    }

    BsonDocument render(Bson bson) {
        return codec.render(bson);
    }

    synchronized Document findFirst(IdFilter filter) {
        Entry entry = lookup(filter.id());
        return entry == null || entry.document == null ? null : codec.decode(entry.document);
    }

    synchronized UpdateResult update(IdFilter filter, InMemoryUpdates update, boolean upsert) {
        Entry entry = lookup(filter.id());
        if (entry != null && entry.document != null) {
            if (!filter.matches(entry.document)) {
                return unmatched(filter.id(), upsert);
            }
            return modified(entry, update.apply(entry.document, false));
        }
        if (!upsert) {
            return UpdateResult.acknowledged(0, 0L, null);
        }
        store(filter.id(), entry, update.apply(filter.seed(), true));
        return UpdateResult.acknowledged(0, 0L, filter.id());
    }

    synchronized UpdateResult replace(IdFilter filter, Document replacement, boolean upsert) {
        BsonDocument encoded = codec.encode(replacement);
        BsonValue replacementId = encoded.get("_id");
        if (replacementId != null && !replacementId.equals(filter.id())
                || encoded.keySet().stream().anyMatch(key -> key.startsWith("$"))) {
            throw new NotInMemory("replacement changes _id or is an update");
        }
        BsonDocument document = encoded;
        if (replacementId == null) {
            document = new BsonDocument("_id", filter.id());
            document.putAll(encoded);
        }
        Entry entry = lookup(filter.id());
        if (entry != null && entry.document != null) {
            return filter.matches(entry.document) ? modified(entry, document) : unmatched(filter.id(), upsert);
        }
        if (!upsert) {
            return UpdateResult.acknowledged(0, 0L, null);
        }
        store(filter.id(), entry, document);
        return UpdateResult.acknowledged(0, 0L, filter.id());
    }

    synchronized InsertOneResult insert(Document document) {
        codec.generateIdIfAbsent(document);
        BsonDocument encoded = codec.encode(document);
        BsonValue id = encoded.get("_id");
        if (id == null || !IdFilter.supportedId(id)) {
            throw new NotInMemory("insert with an unsupported _id");
        }
        Entry entry = lookup(id);
        if (entry != null && entry.document != null) {
            throw duplicateKey(id);
        }
        store(id, entry, encoded);
        return InsertOneResult.acknowledged(id);
    }

    synchronized DeleteResult delete(IdFilter filter) {
        Entry entry = lookup(filter.id());
        if (entry == null || entry.document == null || !filter.matches(entry.document)) {
            return DeleteResult.acknowledged(0);
        }
        store(filter.id(), entry, null);
        return DeleteResult.acknowledged(1);
    }

    /** Hands a call to the real collection, after the pending changes; a call that may write voids the cache. */
    synchronized Object fallback(Method method, Object[] args, boolean mayWrite) throws Throwable {
        flush();
        try {
            return CollectionProxy.call(target.get(name), method, args);
        } finally {
            if (mayWrite) {
                forgetAll();
            }
        }
    }

    /** A find by id used for more than its first document: the real find, after the pending changes. */
    synchronized Object fallbackFind(Bson filter, Method method, Object[] args) throws Throwable {
        flush();
        return CollectionProxy.call(target.get(name).find(filter), method, args);
    }

    synchronized int flush() {
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(dirty.size());
        for (BsonValue id : dirty) {
            Entry entry = known.get(id);
            if (entry.document != null) {
                writes.add(entry.inTarget
                        ? new ReplaceOneModel<>(new BsonDocument("_id", id), entry.document,
                        new ReplaceOptions().upsert(true))
                        : new InsertOneModel<>(entry.document));
            } else if (entry.inTarget) {
                writes.add(new DeleteOneModel<>(new BsonDocument("_id", id)));
            }
        }
        if (!writes.isEmpty()) {
            MongoCollection<BsonDocument> out = target.get(name).withDocumentClass(BsonDocument.class);
            for (int from = 0; from < writes.size(); from += BULK_CHUNK) {
                out.bulkWrite(writes.subList(from, Math.min(writes.size(), from + BULK_CHUNK)),
                        new BulkWriteOptions().ordered(false));
            }
        }
        for (BsonValue id : dirty) {
            Entry entry = known.get(id);
            entry.inTarget = entry.document != null;
            if (complete && entry.document == null) {
                known.remove(id);
            }
        }
        dirty.clear();
        if (known.size() > maxCachedDocuments) {
            forgetDocuments();
        }
        counters.written.add(writes.size());
        return writes.size();
    }

    /**
     * Drops every cached document and id, and pending changes with them: call after the last flush (or for a pass
     * given up), so a finished rebuild holds no memory. Any later call is answered by reading the collection.
     */
    synchronized void release() {
        dirty.clear();
        forgetAll();
    }

    /** How many documents the cache holds now, written or not. */
    synchronized int cachedDocuments() {
        return known.size();
    }

    /** Keeps only the ids of the documents that exist, so a miss on any other id still needs no read. */
    private void forgetDocuments() {
        if (complete && forgotten.size() + known.size() <= MAX_FORGOTTEN_IDS) {
            known.forEach((id, entry) -> {
                if (entry.document != null) {
                    forgotten.add(id);
                }
            });
            known.clear();
        } else {
            forgetAll();
        }
    }

    private void forgetAll() {
        known.clear();
        forgotten.clear();
        complete = false;
    }

    /**
     * The cached entry; on a miss null (absent, never written) while the cache is complete and the id was never
     * forgotten, else read from target.
     */
    private Entry lookup(BsonValue id) {
        Entry entry = known.get(id);
        if (entry != null || complete && !forgotten.mayContain(id)) {
            return entry;
        }
        counters.reads.increment();
        BsonDocument found = target.get(name).withDocumentClass(BsonDocument.class)
                .find(new BsonDocument("_id", id)).first();
        entry = new Entry(found, found != null);
        known.put(id, entry);
        return entry;
    }

    private void store(BsonValue id, Entry entry, BsonDocument document) {
        if (entry == null) {
            known.put(id, new Entry(document, false));
        } else {
            entry.document = document;
        }
        dirty.add(id);
    }

    private UpdateResult modified(Entry entry, BsonDocument next) {
        if (BsonCompare.identical(entry.document, next)) {
            return UpdateResult.acknowledged(1, 0L, null);
        }
        entry.document = next;
        dirty.add(next.get("_id"));
        return UpdateResult.acknowledged(1, 1L, null);
    }

    /** A document with the id exists but fails the filter: an upsert collides with it on the id index, as on MongoDB. */
    private UpdateResult unmatched(BsonValue id, boolean upsert) {
        if (upsert) {
            throw duplicateKey(id);
        }
        return UpdateResult.acknowledged(0, 0L, null);
    }

    private MongoWriteException duplicateKey(BsonValue id) {
        String message = "E11000 duplicate key error collection: " + name + " index: _id_ dup key: { _id: "
                + id + " }";
        return new MongoWriteException(new WriteError(11000, message, new BsonDocument()), new ServerAddress(),
                Set.of());
    }
}

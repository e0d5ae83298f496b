package dev.tenancy.query.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.tenancy.query.replay.ReadModelCollections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static dev.tenancy.query.audit.AuditRows.*;

/**
 * The audit read model: logical collection {@code audit}, one row per event, keyed by event id; every row names its
 * tenant. Lists are ordered newest first by time, then event id, and paged by key ({@link KeysetCursor}). The
 * collection is looked up on every operation, so readers follow the switch after a rebuild at once.
 */
@Component
public class AuditStore {

    static final String COLLECTION = "audit";

    private final ReadModelCollections collections;

    public AuditStore(ReadModelCollections collections) {
        this.collections = collections;
        MongoCollection<Document> rows = rows();
        // The stand-in ignores non-unique indexes; real MongoDB serves each tenant-scoped filter by one of them.
        rows.createIndex(Indexes.compoundIndex(Indexes.ascending(TENANT_ID), Indexes.descending(TIME, ID)));
        rows.createIndex(Indexes.compoundIndex(Indexes.ascending(TENANT_ID, ACTOR_ID), Indexes.descending(TIME, ID)));
        rows.createIndex(Indexes.compoundIndex(Indexes.ascending(TENANT_ID, ACTING_SUPERADMIN),
                Indexes.descending(TIME, ID)));
        rows.createIndex(Indexes.compoundIndex(Indexes.ascending(TENANT_ID, TYPE_NAME), Indexes.descending(TIME, ID)));
        rows.createIndex(Indexes.compoundIndex(Indexes.ascending(TENANT_ID, TYPE), Indexes.descending(TIME, ID)));
        rows.createIndex(Indexes.compoundIndex(Indexes.ascending(TENANT_ID, ACTION_KEY),
                Indexes.descending(TIME, ID)));
        rows.createIndex(Indexes.ascending(TENANT_ID, AGGREGATE_ID, SEQUENCE));
        rows.createIndex(Indexes.ascending(CORRELATION_ID, TIME, ID));
    }

    /** Creates or replaces the event's row: the same event always gives the same row. */
    void put(Document row) {
        try {
            rows().replaceOne(Filters.eq(ID, row.getString(ID)), row, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // two writers upserting one id: the other one wrote the same row
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** One page, newest first, starting after {@code after}. Asks for one row more to know whether more follow. */
    public AuditPage page(AuditFilter filter, Optional<KeysetCursor> after, int size) {
        List<Document> found = rows().find(Filters.and(filter.toBson(), before(after)))
                .sort(Sorts.descending(TIME, ID)).limit(size + 1).into(new ArrayList<>());
        List<AuditEntry> items = found.stream().limit(size).map(AuditRows::entry).toList();
        String next = found.size() > size
                ? new KeysetCursor(items.get(size - 1).time(), items.get(size - 1).eventId()).encode() : null;
        return new AuditPage(items, next);
    }

    /** Every matching row, newest first, read in batches: what an export streams. */
    public void forEach(AuditFilter filter, Consumer<AuditEntry> consumer) {
        FindIterable<Document> found = rows().find(filter.toBson()).sort(Sorts.descending(TIME, ID)).batchSize(500);
        found.forEach(row -> consumer.accept(AuditRows.entry(row)));
    }

    public Optional<AuditEntry> find(String eventId) {
        return Optional.ofNullable(rows().find(Filters.eq(ID, eventId)).first()).map(AuditRows::entry);
    }

    /** Every row of one correlation, oldest first, at most {@code limit}. */
    public List<AuditEntry> correlation(String correlationId, int limit) {
        return rows().find(Filters.eq(CORRELATION_ID, correlationId)).sort(Sorts.ascending(TIME, ID)).limit(limit)
                .map(AuditRows::entry).into(new ArrayList<>());
    }

    /** The event ids of the rows of one tenant, or of all rows when {@code tenantId} is null. */
    public Set<String> eventIds(String tenantId) {
        Set<String> ids = new HashSet<>();
        rows().find(tenantId == null ? Filters.empty() : Filters.eq(TENANT_ID, tenantId))
                .projection(Projections.include(ID)).forEach(row -> ids.add(row.getString(ID)));
        return ids;
    }

    /** Every row by id, for comparisons (replay tests). */
    public List<Document> all() {
        return rows().find().sort(Sorts.ascending(ID)).into(new ArrayList<>());
    }

    /** Only for operators repairing (and tests proving the completeness check finds a gap). */
    public void delete(String eventId) {
        rows().deleteOne(Filters.eq(ID, eventId));
    }

    void deleteAll() {
        rows().deleteMany(new Document());
    }

    private MongoCollection<Document> rows() {
        return collections.get(COLLECTION);
    }

    /** Rows strictly after the cursor in newest-first order. */
    private static Bson before(Optional<KeysetCursor> after) {
        return after.map(cursor -> Filters.or(Filters.lt(TIME, Date.from(cursor.time())),
                        Filters.and(Filters.eq(TIME, Date.from(cursor.time())), Filters.lt(ID, cursor.eventId()))))
                .orElse(Filters.empty());
    }
}

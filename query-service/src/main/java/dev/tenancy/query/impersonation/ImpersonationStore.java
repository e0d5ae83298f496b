package dev.tenancy.query.impersonation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.tenancy.api.impersonation.ImpersonationStartedEvent;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.query.replay.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The impersonations read model ({@code impersonations}): one document per started impersonation, keyed
 * by its event's place in the tenant's stream, so writing an event again replaces its document with itself.
 */
@Component
public class ImpersonationStore {

    static final String SESSIONS = "impersonations";
    static final int NEWEST = 100;
    private static final String TENANT_ID = "tenantId";
    private static final String STARTED_AT = "startedAt";
    private static final String SEQUENCE = "sequence";

    private final ReadModelCollections collections;

    public ImpersonationStore(ReadModelCollections collections) {
        this.collections = collections;
        sessions().createIndex(Indexes.compoundIndex(Indexes.ascending(TENANT_ID),
                Indexes.descending(STARTED_AT, SEQUENCE)));
    }

    /** Looked up on every call, so a rebuild's switch to new collections takes effect at once. */
    private MongoCollection<Document> sessions() {
        return collections.get(SESSIONS);
    }

    void record(ImpersonationStartedEvent event, long sequence) {
        Document session = new Document("_id", event.tenantId() + ":" + sequence)
                .append(TENANT_ID, event.tenantId())
                .append(SEQUENCE, sequence)
                .append("superadminId", event.superadminId())
                .append("ownerUserId", event.ownerUserId())
                .append("reason", event.reason())
                .append(STARTED_AT, Date.from(event.startedAt()))
                .append("expiresAt", Date.from(event.expiresAt()));
        sessions().replaceOne(Filters.eq("_id", session.getString("_id")), session, new ReplaceOptions().upsert(true));
    }

    void deleteAll() {
        sessions().deleteMany(new Document());
    }

    /** The tenant's latest {@value #NEWEST} impersonations, newest first. */
    public List<ImpersonationSessionView> newestOf(TenantId tenantId) {
        return sessions().find(Filters.eq(TENANT_ID, tenantId.value()))
                .sort(Sorts.descending(STARTED_AT, SEQUENCE)).limit(NEWEST).into(new ArrayList<>()).stream()
                .map(session -> new ImpersonationSessionView(session.getString("superadminId"),
                        session.getString("reason"), session.getDate(STARTED_AT).toInstant(),
                        session.getDate("expiresAt").toInstant()))
                .toList();
    }

    /** Every document of every tenant, in id order: what replay tests compare. */
    public List<Document> allDocumentsOfAllTenants() {
        return sessions().find().sort(Indexes.ascending("_id")).into(new ArrayList<>());
    }
}

package dev.tenancy.query.tenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * The tenants read model, keyed by tenant id. Every write is guarded by the aggregate version, so applying an event
 * twice (a replay, a redelivery after a crash) changes nothing: the projection is idempotent.
 */
@Component
public class TenantViewRepository {

    private final MongoCollection<Document> tenants;
    private final ObjectMapper mapper;

    public TenantViewRepository(MongoClient client, EventStoreProperties properties, ObjectMapper mapper) {
        this.tenants = client.getDatabase(properties.serviceDatabase()).getCollection("tenants");
        this.mapper = mapper;
    }

    public Optional<TenantView> find(TenantId tenantId) {
        return Optional.ofNullable(tenants.find(Filters.eq("_id", tenantId.value())).first()).map(this::toView);
    }

    public void create(TenantView view) {
        Document document = new Document("_id", view.id())
                .append("tenantId", view.id())
                .append("name", view.name())
                .append("slug", view.slug())
                .append("plan", view.plan().name())
                .append("status", view.status().name())
                .append("limits", new Document(mapper.convertValue(view.limits(), Map.class)))
                .append("createdAt", Date.from(view.createdAt()))
                .append("version", view.version());
        try {
            tenants.replaceOne(newerThanStored(TenantId.of(view.id()), view.version()), document,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Records that the tenant reached {@code version}; older versions never overwrite newer state. */
    public void advance(TenantId tenantId, long version, Bson... changes) {
        Bson update = Updates.combine(Updates.combine(changes), Updates.set("version", version));
        tenants.updateOne(newerThanStored(tenantId, version), update);
    }

    public void deleteAll() {
        tenants.deleteMany(new Document());
    }

    private static Bson newerThanStored(TenantId tenantId, long version) {
        return Filters.and(Filters.eq("_id", tenantId.value()), Filters.lt("version", version));
    }

    private TenantView toView(Document document) {
        return new TenantView(
                document.getString("_id"),
                document.getString("name"),
                document.getString("slug"),
                Plan.valueOf(document.getString("plan")),
                TenantStatus.valueOf(document.getString("status")),
                mapper.convertValue(document.get("limits", Document.class), Limits.class),
                document.getDate("createdAt").toInstant(),
                ((Number) document.get("version")).longValue());
    }
}

package dev.tenancy.command.directory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.platform.tenant.TenantSecurity;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command side's tenant directory collection. It is written in the unit of work that stores the events, so it
 * agrees with the aggregates; should an event ever be missed (a failed write, a tenant older than this collection),
 * the entry is folded again from the event store, which is the truth.
 */
@Component
public class TenantDirectoryStore {

    private static final String VERSION = "version";
    private static final String DOMAINS = "verifiedDomains";
    private static final String SECURITY = "security";

    private final MongoCollection<Document> entries;
    private final EventStore eventStore;

    public TenantDirectoryStore(MongoClient client, EventStoreProperties properties, EventStore eventStore) {
        this.entries = client.getDatabase(properties.serviceDatabase()).getCollection("tenant_directory");
        this.entries.createIndex(Indexes.ascending(DOMAINS));
        this.eventStore = eventStore;
    }

    /** Entries written before the tenant's security was kept here count as missing, so they are folded again. */
    public Optional<DirectoryEntry> find(String tenantId) {
        return Optional.ofNullable(entries.find(Filters.eq("_id", tenantId)).first())
                .flatMap(TenantDirectoryStore::current);
    }

    /** The entry, folded from the event store when this collection does not have it. */
    public Optional<DirectoryEntry> findOrRebuild(String tenantId) {
        return find(tenantId).or(() -> rebuild(tenantId));
    }

    /** A deleted tenant's domain may have passed to a live tenant after its reservation: the live one wins. */
    public Optional<DirectoryEntry> findByVerifiedDomain(String domain) {
        return entries.find(Filters.eq(DOMAINS, domain)).into(new ArrayList<>()).stream()
                .map(document -> current(document).or(() -> rebuild(document.getString("_id"))))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(e -> e.status() == TenantStatus.DELETED));
    }

    /** Whether the entry already reflects the event at {@code sequence}; answers the entry read to decide. */
    boolean reflects(Optional<DirectoryEntry> current, long sequence) {
        return current.isPresent() && current.get().version() >= sequence;
    }

    /**
     * {@code current} with one event folded in, in memory; a gap in the sequence (a missed event) folds the entry
     * from the event store instead (and writes it). Written by {@link DirectoryFold}.
     */
    Optional<DirectoryEntry> fold(String tenantId, Object event, long sequence, Optional<DirectoryEntry> current) {
        if (reflects(current, sequence)) {
            return current;
        }
        if (current.isEmpty() && event instanceof TenantCreatedEvent created) {
            return Optional.of(DirectoryEntry.created(created, sequence));
        }
        Optional<DirectoryEntry> base = current.filter(entry -> entry.version() == sequence - 1)
                .or(() -> rebuild(tenantId));
        return base.filter(entry -> entry.version() == sequence - 1).map(entry -> entry.apply(event, sequence))
                .or(() -> base);
    }

    /** Never goes back: an entry already at this version or later (written concurrently) is kept, unless outdated. */
    public void write(DirectoryEntry entry) {
        try {
            entries.replaceOne(Filters.and(Filters.eq("_id", entry.tenantId()), Filters.or(
                            Filters.lt(VERSION, entry.version()), Filters.exists(SECURITY, false))),
                    document(entry), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    Optional<DirectoryEntry> rebuild(String tenantId) {
        DirectoryEntry entry = null;
        // one event at a time: a long history (100,000 usage events) must not be held in memory at once
        DomainEventStream events = eventStore.readEvents(tenantId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (entry == null && event.getPayload() instanceof TenantCreatedEvent created) {
                entry = DirectoryEntry.created(created, event.getSequenceNumber());
            } else if (entry != null && event.getSequenceNumber() > entry.version()) {
                entry = entry.apply(event.getPayload(), event.getSequenceNumber());
            }
        }
        if (entry != null) {
            write(entry);
        }
        return Optional.ofNullable(entry);
    }

    private static Document document(DirectoryEntry entry) {
        Document features = new Document();
        entry.featureOverrides().forEach((feature, enabled) -> features.append(feature.name(), enabled));
        return new Document("_id", entry.tenantId())
                .append("slug", entry.slug())
                .append("status", entry.status().name())
                .append("statusReason", entry.statusReason())
                .append("plan", entry.plan().name())
                .append("featureOverrides", features)
                .append(DOMAINS, new ArrayList<>(entry.verifiedDomains()))
                .append("apiCallsPerHour", entry.apiCallsPerHour() == null ? null
                        : new Document("unlimited", entry.apiCallsPerHour().unlimited())
                                .append("max", entry.apiCallsPerHour().max()))
                .append(SECURITY, new Document("ipAllowList", entry.security().ipAllowList())
                        .append("twoFactorRequired", entry.security().twoFactorRequired())
                        .append("impersonationAllowed", entry.security().impersonationAllowed()))
                .append(VERSION, entry.version());
    }

    private static Optional<DirectoryEntry> current(Document document) {
        return document.containsKey(SECURITY) ? Optional.of(entry(document)) : Optional.empty();
    }

    private static DirectoryEntry entry(Document document) {
        Map<Feature, Boolean> features = new EnumMap<>(Feature.class);
        document.get("featureOverrides", Document.class)
                .forEach((name, enabled) -> features.put(Feature.valueOf(name), (Boolean) enabled));
        List<String> domains = document.getList(DOMAINS, String.class);
        return new DirectoryEntry(document.getString("_id"), document.getString("slug"),
                TenantStatus.valueOf(document.getString("status")), document.getString("statusReason"),
                Plan.valueOf(document.getString("plan")), features, new HashSet<>(domains),
                document.get(VERSION, Number.class).longValue(), quota(document.get("apiCallsPerHour", Document.class)),
                security(document.get(SECURITY, Document.class)));
    }

    private static TenantSecurity security(Document stored) {
        return new TenantSecurity(stored.getList("ipAllowList", String.class), stored.getBoolean("twoFactorRequired"),
                stored.getBoolean("impersonationAllowed"));
    }

    /** Entries written before the API call limit was kept here have none: the plan's limit applies then. */
    private static Quota quota(Document stored) {
        if (stored == null) {
            return null;
        }
        Number max = stored.get("max", Number.class);
        return new Quota(stored.getBoolean("unlimited"), max == null ? null : max.longValue());
    }
}

package dev.tenancy.query.replay;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.tenancy.platform.axon.EventStoreProperties;
import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which physical collection holds each read model's logical collection right now, persisted in
 * {@code read_model_registry} (one document per processing group, so switching all of a read model's collections is
 * one atomic write) and cached here as one immutable map, re-read every {@link ReplayProperties#registryRefresh()}.
 * A logical name nobody switched yet is its own physical name. The same document holds the group's rebuild lease
 * (one rebuild per group, across nodes) and the collections a switch retired, until they are dropped.
 * <p>
 * This is the live binding every projection and reader gets: see {@link ReadModelCollections}.
 */
@Component
public class CollectionRegistry implements ReadModelCollections {

    static final String COLLECTION = "read_model_registry";
    private static final Logger log = LoggerFactory.getLogger(CollectionRegistry.class);
    private static final String ID = "_id";
    private static final String GENERATION = "generation";
    private static final String COLLECTIONS = "collections";
    private static final String LOGICAL = "logical";
    private static final String PHYSICAL = "physical";
    private static final String SWITCHED_AT = "switchedAt";
    private static final String REBUILD = "rebuild";
    private static final String REBUILD_ID = "id";
    private static final String HEARTBEAT_AT = "heartbeatAt";
    private static final String RETIRED = "retired";
    private static final String NAME = "name";
    private static final String DROP_AFTER = "dropAfter";
    private static final String PAUSE_OTHERS = "pauseOthers";

    private final MongoDatabase database;
    private final MongoCollection<Document> registry;
    private final ReplayProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService refresher;
    private volatile Map<String, String> physicalNames = Map.of();
    private volatile Map<String, String> pauses = Map.of();

    @Autowired
    public CollectionRegistry(MongoClient client, EventStoreProperties store, ReplayProperties properties) {
        this(client.getDatabase(store.serviceDatabase()), properties, Clock.systemUTC());
    }

    CollectionRegistry(MongoDatabase database, ReplayProperties properties, Clock clock) {
        this.database = database;
        this.registry = database.getCollection(COLLECTION);
        this.properties = properties;
        this.clock = clock;
        refresh();
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-registry");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(50, properties.registryRefresh().toMillis());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public MongoCollection<Document> get(String logicalName) {
        return database.getCollection(physical(logicalName));
    }

    public String physical(String logicalName) {
        return physicalNames.getOrDefault(logicalName, logicalName);
    }

    /** The physical name of each of {@code logicalNames}, in their order. */
    public Map<String, String> physical(List<String> logicalNames) {
        Map<String, String> names = new LinkedHashMap<>();
        logicalNames.forEach(logical -> names.put(logical, physical(logical)));
        return names;
    }

    MongoDatabase database() {
        return database;
    }

    /**
     * Takes the group's rebuild lease unless a live rebuild holds it.
     *
     * @return the generation of the new rebuild (names its shadow collections), or empty if one runs already
     */
    OptionalLong acquire(String group, String rebuildId, String kind, String tenant) {
        Date now = Date.from(clock.instant());
        Date stale = Date.from(clock.instant().minus(properties.leaseTimeout()));
        Document lease = new Document(REBUILD_ID, rebuildId).append("kind", kind).append("tenant", tenant)
                .append("startedAt", now).append(HEARTBEAT_AT, now);
        try {
            Document updated = registry.findOneAndUpdate(
                    Filters.and(Filters.eq(ID, group),
                            Filters.or(Filters.eq(REBUILD, null), Filters.lt(REBUILD + "." + HEARTBEAT_AT, stale))),
                    Updates.combine(Updates.set(REBUILD, lease), Updates.inc(GENERATION, 1L)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return updated == null ? OptionalLong.empty() : OptionalLong.of(number(updated.get(GENERATION)));
        } catch (MongoServerException e) {
            // no document matched, so the upsert tried to insert the group's document again: the lease is held
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /** Proves the rebuild is alive; false if it lost its lease (it must stop). */
    boolean heartbeat(String group, String rebuildId) {
        return registry.updateOne(leaseFilter(group, rebuildId),
                Updates.set(REBUILD + "." + HEARTBEAT_AT, Date.from(clock.instant()))).getMatchedCount() > 0;
    }

    /**
     * Asks every other node to pause (or lets it resume) the group's live processor for the rebuild. The request
     * lives in the rebuild's lease, so it ends with it: when the rebuild switches, fails, finishes, or its node dies
     * and the lease goes stale, every node resumes.
     *
     * @return false if the rebuild no longer holds the lease
     */
    boolean pauseOtherNodes(String group, String rebuildId, boolean pause) {
        boolean held = registry.updateOne(leaseFilter(group, rebuildId),
                Updates.set(REBUILD + "." + PAUSE_OTHERS, pause)).getMatchedCount() > 0;
        refresh();
        return held;
    }

    /** The rebuild that asks the other nodes to pause the group's live processor, as last read. */
    Optional<String> pauseRequestedBy(String group) {
        return Optional.ofNullable(pauses.get(group));
    }

    void release(String group, String rebuildId) {
        registry.updateOne(leaseFilter(group, rebuildId), Updates.set(REBUILD, null));
    }

    /** The group's running rebuild as recorded (it may be another node's), if its lease is not stale. */
    Optional<Document> lease(String group) {
        Document document = registry.find(Filters.eq(ID, group)).first();
        if (document == null || document.get(REBUILD) == null) {
            return Optional.empty();
        }
        Document lease = document.get(REBUILD, Document.class);
        Instant heartbeat = lease.getDate(HEARTBEAT_AT).toInstant();
        return heartbeat.isBefore(clock.instant().minus(properties.leaseTimeout())) ? Optional.empty()
                : Optional.of(lease);
    }

    /**
     * Makes {@code collections} (logical to physical) the group's live collections, in one write, releases the lease
     * and records {@code retired} to be dropped after {@link ReplayProperties#retireAfter()}. This node sees the
     * switch at once, every other within {@link ReplayProperties#registryRefresh()}.
     *
     * @return false if the rebuild no longer held the lease: nothing was switched
     */
    boolean switchTo(String group, String rebuildId, Map<String, String> collections, List<String> retired) {
        List<Document> names = new ArrayList<>();
        collections.forEach((logical, physical) ->
                names.add(new Document(LOGICAL, logical).append(PHYSICAL, physical)));
        Date dropAfter = Date.from(clock.instant().plus(properties.retireAfter()));
        List<Document> retiring = retired.stream().map(name -> new Document(NAME, name).append(DROP_AFTER, dropAfter))
                .toList();
        boolean switched = registry.updateOne(leaseFilter(group, rebuildId), Updates.combine(
                Updates.set(COLLECTIONS, names),
                Updates.set(SWITCHED_AT, Date.from(clock.instant())),
                Updates.set(REBUILD, null),
                Updates.pushEach(RETIRED, retiring))).getMatchedCount() > 0;
        refresh();
        return switched;
    }

    /** Retired collections whose grace period is over, by group. */
    Map<String, List<String>> retiredDue() {
        Instant now = clock.instant();
        Map<String, List<String>> due = new HashMap<>();
        for (Document document : registry.find()) {
            for (Document retired : document.getList(RETIRED, Document.class, List.of())) {
                if (!retired.getDate(DROP_AFTER).toInstant().isAfter(now)) {
                    due.computeIfAbsent(document.getString(ID), group -> new ArrayList<>())
                            .add(retired.getString(NAME));
                }
            }
        }
        return due;
    }

    /** Every retired collection not dropped yet, due or not. */
    List<String> retired() {
        List<String> names = new ArrayList<>();
        registry.find().forEach(document -> document.getList(RETIRED, Document.class, List.of())
                .forEach(retired -> names.add(retired.getString(NAME))));
        return names;
    }

    void forgetRetired(String group, String name) {
        registry.updateOne(Filters.eq(ID, group), Updates.pull(RETIRED, new Document(NAME, name)));
    }

    /** How many times the group was rebuilt into new collections (0: never). */
    long generation(String group) {
        Document document = registry.find(Filters.eq(ID, group)).first();
        return document == null ? 0 : number(document.get(GENERATION));
    }

    /** Synchronized: a periodic refresh that read before a switch must not overwrite the switch's own refresh. */
    synchronized void refresh() {
        Map<String, String> names = new HashMap<>();
        Map<String, String> pausing = new HashMap<>();
        Instant stale = clock.instant().minus(properties.leaseTimeout());
        for (Document document : registry.find()) {
            for (Document name : document.getList(COLLECTIONS, Document.class, List.of())) {
                names.put(name.getString(LOGICAL), name.getString(PHYSICAL));
            }
            Document lease = document.get(REBUILD, Document.class);
            if (lease != null && Boolean.TRUE.equals(lease.getBoolean(PAUSE_OTHERS))
                    && lease.getDate(HEARTBEAT_AT).toInstant().isAfter(stale)) {
                pausing.put(document.getString(ID), lease.getString(REBUILD_ID));
            }
        }
        physicalNames = Map.copyOf(names);
        pauses = Map.copyOf(pausing);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not re-read the read model registry; keeping the last known collections: {}",
                    e.toString());
        }
    }

    private static org.bson.conversions.Bson leaseFilter(String group, String rebuildId) {
        return Filters.and(Filters.eq(ID, group), Filters.eq(REBUILD + "." + REBUILD_ID, rebuildId));
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}

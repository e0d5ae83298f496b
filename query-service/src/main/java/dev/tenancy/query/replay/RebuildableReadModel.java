package dev.tenancy.query.replay;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the replay module needs to rebuild a processing group without taking its read model offline: the logical
 * collections the group's projection writes, and how to make fresh instances of the group's event handlers that
 * write through a given {@link ReadModelCollections}. Declare one as a bean next to the projection (see
 * docs/operations-replay.md).
 *
 * @param group       the processing group, as in {@code @ProcessingGroup}
 * @param collections every collection the group's handlers write, by logical name; nothing else may be written
 * @param handlers    new instances of every event handler bean of the group, bound to the given collections, with no
 *                    effect outside them (give them {@link #quietUpdates()} instead of the application's query update
 *                    emitter; handlers with other side effects are marked {@code @DisallowReplay})
 * @param tenantField the field naming the tenant in every document of every collection, for rebuilding one tenant
 */
public record RebuildableReadModel(String group, List<String> collections,
                                   Function<ReadModelCollections, List<Object>> handlers, String tenantField) {

    public static final String TENANT_ID = "tenantId";

    public RebuildableReadModel {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(handlers, "handlers");
        collections = List.copyOf(collections);
        tenantField = tenantField == null ? TENANT_ID : tenantField;
        if (collections.isEmpty()) {
            throw new IllegalArgumentException("A rebuildable read model writes at least one collection");
        }
    }

    /** The usual case: one projection is the group's only handler bean. */
    public static RebuildableReadModel of(String group, List<String> collections,
                                          Function<ReadModelCollections, Object> projection) {
        return new RebuildableReadModel(group, collections, bound -> List.of(projection.apply(bound)), TENANT_ID);
    }

    /** An emitter nobody subscribes to: what a rebuilding projection publishes reaches no reader. */
    public static QueryUpdateEmitter quietUpdates() {
        return SimpleQueryUpdateEmitter.builder().build();
    }
}

package dev.tenancy.query.replay;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Starts and drives rebuilds of this service's processing groups, one at a time per group (a lease in the registry,
 * so also across nodes), drops collections a switch retired once their grace period is over, and at start-up drops
 * what a crashed rebuild left behind.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final long TICK_MILLIS = 250;

    private final RebuildContext context;
    private final Map<String, RebuildableReadModel> models;
    private final Map<String, Rebuild> running = new ConcurrentHashMap<>();
    private final Map<String, Rebuild> finished = new ConcurrentHashMap<>();
    private final Set<String> pausedForOthers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(named("rebuilds"));
    private final ExecutorService slices = Executors.newSingleThreadExecutor(named("tenant-rebuilds"));

    ProjectionRebuilds(RebuildContext context, List<RebuildableReadModel> models) {
        this.context = context;
        Map<String, RebuildableReadModel> byGroup = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (RebuildableReadModel model : models) {
            if (byGroup.put(model.group(), model) != null) {
                throw new IllegalStateException("Two rebuildable read models for group " + model.group());
            }
            model.collections().forEach(collection -> {
                String other = owners.put(collection, model.group());
                if (other != null) {
                    throw new IllegalStateException("Collection " + collection + " is written by both " + other
                            + " and " + model.group());
                }
            });
        }
        this.models = Map.copyOf(byGroup);
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        groups().stream().filter(group -> !models.containsKey(group)).forEach(group -> log.warn(
                "Processing group {} declares no RebuildableReadModel: it cannot be rebuilt while served", group));
        models.values().forEach(this::dropLeftovers);
        driver.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Every streaming processing group of this service, as Axon has them configured. */
    public List<String> groups() {
        return context.processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    public Optional<RebuildableReadModel> model(String group) {
        return Optional.ofNullable(models.get(group));
    }

    synchronized Rebuild rebuild(String group, RebuildOptions options) {
        RebuildableReadModel model = rebuildable(group);
        String id = UUID.randomUUID().toString();
        long generation = lease(group, id, RebuildKind.FULL, null);
        FullRebuild rebuild = new FullRebuild(context, model, id, generation, options);
        try {
            rebuild.start();
        } catch (RuntimeException e) {
            rebuild.abort("could not start: " + e.getMessage());
            finished.put(group, rebuild);
            throw e;
        }
        running.put(group, rebuild);
        return rebuild;
    }

    synchronized Rebuild rebuildTenant(String group, String tenantId) {
        RebuildableReadModel model = rebuildable(group);
        String id = UUID.randomUUID().toString();
        lease(group, id, RebuildKind.TENANT, tenantId);
        TenantSliceRebuild rebuild = new TenantSliceRebuild(context, model, id, tenantId);
        running.put(group, rebuild);
        slices.execute(() -> {
            rebuild.run();
            done(rebuild);
        });
        return rebuild;
    }

    Optional<Rebuild> running(String group) {
        return Optional.ofNullable(running.get(group));
    }

    Optional<Rebuild> lastFinished(String group) {
        return Optional.ofNullable(finished.get(group));
    }

    /** Whether a rebuild of the group runs anywhere (this node or another). */
    boolean rebuilding(String group) {
        return running.containsKey(group) || context.registry.lease(group).isPresent();
    }

    private RebuildableReadModel rebuildable(String group) {
        if (!groups().contains(group)) {
            throw ReplayProblems.projectionNotFound(group);
        }
        RebuildableReadModel model = models.get(group);
        if (model == null) {
            throw ReplayProblems.notRebuildable(group);
        }
        return model;
    }

    private long lease(String group, String id, RebuildKind kind, String tenantId) {
        Rebuild local = running.get(group);
        if (local != null) {
            throw ReplayProblems.rebuildRunning(group, local.id());
        }
        OptionalLong generation = context.registry.acquire(group, id, kind.name(), tenantId);
        if (generation.isEmpty()) {
            String other = context.registry.lease(group).map(lease -> lease.getString("id")).orElse(null);
            throw ReplayProblems.rebuildRunning(group, other);
        }
        return generation.getAsLong();
    }

    private void tick() {
        for (Rebuild rebuild : List.copyOf(running.values())) {
            try {
                rebuild.tick();
            } catch (RuntimeException e) {
                log.warn("Rebuild {} of {} failed unexpectedly", rebuild.id(), rebuild.group(), e);
                rebuild.abort("failed unexpectedly: " + e.getMessage());
            }
            if (rebuild.phase().finished() && rebuild.kind() == RebuildKind.FULL) {
                done(rebuild);
            }
        }
        honourPauses();
        dropRetired();
    }

    /**
     * Another node's rebuild may ask every node to pause a group's live processor (to switch collections, or while
     * it rebuilds a tenant's slice): this node stops its own and starts it again once the request has ended.
     */
    private void honourPauses() {
        for (RebuildableReadModel model : models.values()) {
            String group = model.group();
            try {
                Rebuild local = running.get(group);
                boolean othersAsk = context.registry.pauseRequestedBy(group)
                        .filter(rebuild -> local == null || !local.id().equals(rebuild)).isPresent();
                if (othersAsk && pausedForOthers.add(group)) {
                    context.liveProcessor(group).shutDown();
                    log.info("Paused the live processor of {} for another node's rebuild", group);
                } else if (!othersAsk && pausedForOthers.remove(group)) {
                    context.liveProcessor(group).start();
                    log.info("Resumed the live processor of {} after another node's rebuild", group);
                }
            } catch (RuntimeException e) {
                log.warn("Could not follow a pause request for {}; trying again: {}", group, e.toString());
            }
        }
    }

    private synchronized void done(Rebuild rebuild) {
        running.remove(rebuild.group(), rebuild);
        finished.put(rebuild.group(), rebuild);
    }

    private void dropRetired() {
        try {
            Set<String> live = models.values().stream()
                    .flatMap(model -> context.registry.physical(model.collections()).values().stream())
                    .collect(Collectors.toSet());
            context.registry.retiredDue().forEach((group, names) -> names.forEach(name -> {
                if (!live.contains(name)) {
                    context.drop(List.of(name));
                    log.info("Dropped {}, replaced by a rebuild of {}", name, group);
                }
                context.registry.forgetRetired(group, name);
            }));
        } catch (RuntimeException e) {
            log.warn("Could not drop retired collections; trying again later: {}", e.toString());
        }
    }

    /**
     * What a rebuild that died with its node left: shadow collections, tokens and dead letters of its processor.
     * Skipped while another node's rebuild of the group is alive.
     */
    private void dropLeftovers(RebuildableReadModel model) {
        String group = model.group();
        if (context.registry.lease(group).isPresent()) {
            return;
        }
        Map<String, String> live = context.registry.physical(model.collections());
        List<String> keep = new ArrayList<>(live.values());
        keep.addAll(context.registry.retired());
        List<String> leftovers = new ArrayList<>();
        for (String logical : model.collections()) {
            Pattern generations = Pattern.compile(Pattern.quote(logical) + "(__r\\d+)?");
            for (String name : context.database().listCollectionNames()) {
                if (generations.matcher(name).matches() && !keep.contains(name)) {
                    leftovers.add(name);
                }
            }
        }
        context.drop(leftovers);
        context.deleteTokensMatching(Pattern.compile("^" + Pattern.quote(group) + "__r\\d+$"));
        for (long generation = 1; generation <= context.registry.generation(group); generation++) {
            context.queues.queue(FullRebuild.shadowName(group, generation)).clear();
        }
        if (!leftovers.isEmpty()) {
            log.info("Dropped {}, left behind by an interrupted rebuild of {}", leftovers, group);
        }
    }

    @PreDestroy
    void stop() {
        driver.shutdownNow();
        slices.shutdown();
        running.values().forEach(rebuild -> rebuild.abort("the service is shutting down"));
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

package dev.tenancy.query.replay;

import java.util.Map;

/**
 * One processing group of this service.
 *
 * @param state       LIVE, or REBUILDING while a rebuild of it runs (on any node)
 * @param rebuildable whether it declares its collections ({@link RebuildableReadModel}); only then can it be rebuilt
 * @param collections its logical collections and the physical ones readers are served from
 * @param deadLetters events parked in its dead-letter queue
 * @param rebuild     the running rebuild, if this node runs it
 * @param lastRebuild the last rebuild this node finished
 */
public record ProjectionView(String name, String state, boolean rebuildable, Map<String, String> collections,
                             long deadLetters, ProgressView live, RebuildView rebuild, RebuildView lastRebuild) {
}

package dev.tenancy.query.replay;

import java.time.Instant;
import java.util.List;

/** Every processing group of this service, with the store they all read. */
public record ProjectionList(long eventsInStore, Instant newestEventAt, List<ProjectionView> projections) {
}

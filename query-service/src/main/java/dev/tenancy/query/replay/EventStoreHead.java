package dev.tenancy.query.replay;

import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

import java.time.Instant;

/** The newest event of the store when asked: its timestamp, and a token covering it and everything before it. */
public record EventStoreHead(Instant timestamp, MongoTrackingToken token) {
}

package dev.tenancy.query.replay;

import java.util.Optional;

/** The event store's size and newest event, read once per progress answer. */
record StoreSnapshot(long total, Optional<EventStoreHead> head) {
}

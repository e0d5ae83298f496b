package dev.tenancy.query.console;

import java.util.List;

/** One page of stored events; {@code nextCursor} is null on the last page. */
public record EventPage(List<StoredEvent> items, String nextCursor) {
}

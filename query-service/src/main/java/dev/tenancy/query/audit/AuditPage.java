package dev.tenancy.query.audit;

import java.util.List;

/** One page of the audit log; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEntry> items, String nextCursor) {
}

package dev.tenancy.query.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Audit rows as RFC 4180 CSV: a header row, CRLF line ends, every cell quoted when it holds a comma, quote, line
 * break or surrounding space, quotes doubled. A cell that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) gets a leading apostrophe, since summaries carry text tenants typed.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("time", "eventId", "tenantId", "type", "action", "summary", "actorId",
            "actorKind", "actorRole", "actingSuperadmin", "targetKind", "target", "changes", "clientIp",
            "correlationId", "causationId", "requestId", "aggregateType", "aggregateId", "sequence", "payload");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER);
    }

    void row(AuditEntry entry) {
        line(Arrays.asList(entry.time().toString(), entry.eventId(), entry.tenantId(), entry.type(),
                entry.action(), entry.summary(), entry.actor().id(), entry.actor().kind(), entry.actor().role(),
                entry.actingSuperadmin(), entry.target().kind(), entry.target().id(), changes(entry.changes()),
                entry.clientIp(), entry.correlationId(), entry.causationId(), entry.requestId(),
                entry.aggregate().type(), entry.aggregate().id(),
                entry.aggregate().sequence() == null ? null : entry.aggregate().sequence().toString(),
                EventJson.text(entry.payload())));
    }

    /** {@code field: old -> new}, or {@code field: new} for a value the event only sets; separated by "; ". */
    static String changes(List<AuditChange> changes) {
        return changes.stream().map(change -> change.field() + ": " + (change.oldValue() == null
                        ? String.valueOf(change.newValue())
                        : change.oldValue() + " -> " + change.newValue()))
                .collect(Collectors.joining("; "));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || !text.equals(text.strip());
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private void line(List<String> cells) {
        try {
            out.write(cells.stream().map(AuditCsv::cell).collect(Collectors.joining(",")));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

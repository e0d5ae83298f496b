package dev.tenancy.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.BrandingChangedEvent;
import dev.tenancy.api.tenant.event.DomainRemovedEvent;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/audit/export: every selected row as a CSV or JSON attachment. */
class AuditExportTest extends AuditTestSupport {

    @Test
    void csvHasAHeaderAndOneQuotedLinePerRow() throws Exception {
        String tenantId = auditTenant("csv");
        String tricky = "=HYPERLINK(\"x\"), line\nbreak";
        List<String> ids = act(tenantId, by(tenantId, "alice", "OWNER", "corr-csv"),
                new BrandingChangedEvent(tenantId, List.of(new FieldChange("companyName", "Acme", tricky))),
                new DomainRemovedEvent(tenantId, "old.example.com"));

        HttpResponse<String> response = get("/api/v1/audit/export?format=csv", ownerToken(tenantId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("filename=\"audit-" + tenantId).endsWith(".csv\"");
        List<List<String>> lines = parseCsv(response.body());
        assertThat(lines.get(0)).isEqualTo(AuditCsv.HEADER);
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line).hasSize(AuditCsv.HEADER.size()));
        assertThat(lines.get(1).get(1)).isEqualTo(ids.get(1));
        List<String> branding = lines.get(2);
        assertThat(branding.get(1)).isEqualTo(ids.get(0));
        assertThat(branding.get(2)).isEqualTo(tenantId);
        assertThat(branding.get(4)).isEqualTo("Branding changed");
        assertThat(branding.get(6)).isEqualTo("alice");
        assertThat(branding.get(12)).as("changes").isEqualTo("companyName: Acme -> " + tricky);
        assertThat(branding.get(14)).isEqualTo("corr-csv");
        assertThat(branding.get(19)).isEqualTo(String.valueOf(row(ids.get(0)).aggregate().sequence()));
        assertThat(json.readTree(branding.get(20)).at("/changes/0/newValue").asText())
                .as("the payload column is the payload's JSON").isEqualTo(tricky);
        assertThat(AuditCsv.cell(tricky)).as("a formula is defused, then quoted")
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\"), line\nbreak\"");
        assertThat(response.body()).contains("\r\n");

        List<List<String>> filtered = parseCsv(get("/api/v1/audit/export?format=csv&type=DomainRemovedEvent",
                ownerToken(tenantId)).body());
        assertThat(filtered).hasSize(2);
        assertThat(filtered.get(1).get(1)).isEqualTo(ids.get(1));
    }

    @Test
    void jsonHasEveryRowTheListAnswersPageByPage() throws Exception {
        String tenantId = auditTenant("json");
        Object[] events = new Object[7];
        for (int i = 0; i < events.length; i++) {
            events[i] = new SettingsChangedEvent(tenantId, List.of(new FieldChange("retentionDays", i, i + 1)));
        }
        act(tenantId, by(tenantId, "alice", "OWNER", "corr-json"), events);

        HttpResponse<String> response = get("/api/v1/audit/export", ownerToken(tenantId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .endsWith(".json\"");
        JsonNode exported = json.readTree(response.body());
        assertThat(exported.isArray()).isTrue();
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = body(get("/api/v1/audit?size=4" + (cursor == null ? "" : "&cursor=" + cursor),
                    ownerToken(tenantId)));
            page.get("items").forEach(paged::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(paged).hasSize(9);
        List<JsonNode> all = new ArrayList<>();
        exported.forEach(all::add);
        assertThat(all).isEqualTo(paged);

        JsonNode none = json.readTree(get("/api/v1/audit/export?format=json&actor=nobody", ownerToken(tenantId))
                .body());
        assertThat(none.isArray()).isTrue();
        assertThat(none).isEmpty();
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; records end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return records;
    }
}

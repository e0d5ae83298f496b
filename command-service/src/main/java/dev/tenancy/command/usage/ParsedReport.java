package dev.tenancy.command.usage;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report, or what is wrong with it: fields that are not part of the contract, and one message per invalid field.
 * Exactly one of {@code report} and the two complaints is present.
 */
public record ParsedReport(UsageReport report, List<String> unknownFields, Map<String, String> errors) {

    public ParsedReport {
        unknownFields = List.copyOf(unknownFields);
        errors = Map.copyOf(errors);
    }

    public boolean valid() {
        return report != null;
    }

    /** For a human reading the dead-letter topic. */
    public String reason() {
        StringBuilder reason = new StringBuilder();
        if (!unknownFields.isEmpty()) {
            reason.append("unknown field(s): ").append(String.join(", ", unknownFields));
        }
        if (!errors.isEmpty()) {
            if (!reason.isEmpty()) {
                reason.append("; ");
            }
            reason.append(errors.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        }
        return reason.toString();
    }
}

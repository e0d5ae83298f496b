package dev.tenancy.command.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.command.web.StrictJson;
import dev.tenancy.platform.security.IpAllowList;
import dev.tenancy.platform.web.FieldErrors;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a tenant's settings may be. A partial update names only the fields it changes; the result is flat, keyed by
 * dotted path ({@code security.sso.issuer}, {@code compliance.retentionDays.messages}), the shape of the settings
 * events. Every invalid field is reported at once; unknown fields are refused before anything else. Null is no
 * value for any setting: each has a default to return to by setting it.
 */
public final class SettingsPolicy {

    public static final String CLIENT_SECRET = "security.sso.clientSecret";
    static final int MAX_ALLOW_LIST = 100;
    private static final Set<String> GROUPS = Set.of("security", "security.sso", "compliance",
            "compliance.retentionDays");
    private static final Set<String> REGIONS = Set.of("eu", "us", "ap");

    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Clock clock;

    public SettingsPolicy(Clock clock) {
        this.clock = clock;
        rules.put("timezone", v -> check(text(v), ZoneId.getAvailableZoneIds().contains(text(v)),
                "must be an IANA time zone id, e.g. Europe/Berlin"));
        rules.put("language", SettingsPolicy::language);
        rules.put("currency", SettingsPolicy::currency);
        rules.put("security.twoFactorRequired", SettingsPolicy::bool);
        rules.put("security.sessionTimeoutMinutes", v -> integer(v, 5, 1440));
        rules.put("security.ipAllowList", SettingsPolicy::allowList);
        rules.put("security.sso.enabled", SettingsPolicy::bool);
        rules.put("security.sso.issuer", v -> check(text(v), Formats.httpsUrl(text(v), 2000).isEmpty(),
                "must be an absolute https URL of at most 2000 characters"));
        rules.put("security.sso.clientId", v -> plain(v, 200));
        rules.put(CLIENT_SECRET, v -> secret(v, 500));
        rules.put("compliance.dataRegion", v -> check(text(v), REGIONS.contains(text(v)), "must be eu, us or ap"));
        rules.put("compliance.dpaAcceptedAt", this::pastInstant);
        rules.put("compliance.dpaAcceptedBy", SettingsPolicy::acceptedBy);
        for (String kind : List.of("messages", "contacts", "analytics", "auditLogs")) {
            rules.put("compliance.retentionDays." + kind, v -> integer(v, 1, 3650));
        }
        rules.put("compliance.auditLogging", SettingsPolicy::bool);
        rules.put("compliance.allowImpersonation", SettingsPolicy::bool);
    }

    /** The changes the body asks for, by dotted path; 400 unknown-field or validation-failed when it is not valid. */
    public Map<String, Object> validate(JsonNode body) {
        StrictJson.requireObject(body);
        List<String> unknown = new ArrayList<>();
        FieldErrors errors = new FieldErrors();
        Map<String, Object> values = new LinkedHashMap<>();
        walk(body, "", unknown, errors, values);
        StrictJson.refuseUnknown(unknown);
        errors.throwIfAny();
        return values;
    }

    /** The settings fields this policy knows, by dotted path. */
    public Set<String> fields() {
        return rules.keySet();
    }

    private void walk(JsonNode node, String prefix, List<String> unknown, FieldErrors errors,
                      Map<String, Object> values) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (GROUPS.contains(path)) {
                if (value.isObject()) {
                    walk(value, path, unknown, errors, values);
                } else {
                    errors.add(path, path + " must be an object");
                }
            } else if (!rules.containsKey(path)) {
                unknown.add(path);
            } else if (value.isNull()) {
                errors.add(path, path + " must not be null");
            } else {
                try {
                    values.put(path, rules.get(path).check(value));
                } catch (Refusal refusal) {
                    errors.add(refusal.field == null ? path : path + refusal.field, path + " " + refusal.getMessage());
                }
            }
        }
    }

    private static Object language(JsonNode value) {
        String tag = text(value);
        Formats.languageTag(tag).ifPresent(reason -> {
            throw new Refusal(reason);
        });
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private static Object currency(JsonNode value) {
        String code = text(value).toUpperCase(Locale.ROOT);
        boolean known = Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
        return check(code, known, "must be an ISO 4217 currency code, e.g. EUR");
    }

    private static Object allowList(JsonNode value) {
        if (!value.isArray()) {
            throw new Refusal("must be a list of CIDR ranges");
        }
        if (value.size() > MAX_ALLOW_LIST) {
            throw new Refusal("must have at most " + MAX_ALLOW_LIST + " entries");
        }
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            String cidr = entry.isTextual() ? entry.textValue().trim() : null;
            if (cidr == null || !isCidr(cidr)) {
                throw new Refusal("[" + i + "]", "entries must be IPv4 or IPv6 CIDR ranges, e.g. 203.0.113.0/24");
            }
            ranges.add(cidr);
        }
        return List.copyOf(ranges);
    }

    /** The ranges the allow-list check understands, and only those: what is saved is what is enforced. */
    static boolean isCidr(String text) {
        return IpAllowList.isValidEntry(text);
    }

    private Object pastInstant(JsonNode value) {
        Instant instant;
        try {
            instant = Instant.parse(text(value));
        } catch (DateTimeParseException e) {
            throw new Refusal("must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
        return check(instant.toString(), !instant.isAfter(clock.instant()), "must not be in the future");
    }

    private static Object acceptedBy(JsonNode value) {
        String who = (String) plain(value, 200);
        return check(who, !who.contains("@") || Formats.isEmail(who), "must be a name or a valid email address");
    }

    private static Object plain(JsonNode value, int max) {
        String text = text(value).trim();
        if (text.isEmpty() || text.length() > max || Formats.hasControlCharacters(text)) {
            throw new Refusal("must be 1 to " + max + " characters of text");
        }
        return text;
    }

    /** Like {@link #plain} but the message never repeats the value, which is a secret. */
    private static Object secret(JsonNode value, int max) {
        if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > max) {
            throw new Refusal("must be 1 to " + max + " characters");
        }
        return value.textValue();
    }

    private static Object bool(JsonNode value) {
        if (!value.isBoolean()) {
            throw new Refusal("must be true or false");
        }
        return value.booleanValue();
    }

    private static Object integer(JsonNode value, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw new Refusal("must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    private static String text(JsonNode value) {
        if (!value.isTextual()) {
            throw new Refusal("must be a string");
        }
        return value.textValue();
    }

    private static Object check(Object value, boolean valid, String message) {
        if (!valid) {
            throw new Refusal(message);
        }
        return value;
    }

    @FunctionalInterface
    private interface Rule {
        Object check(JsonNode value);
    }

    /** Why one value is refused; {@code field} narrows the path (a list entry). Control flow only: no stack trace. */
    private static final class Refusal extends RuntimeException {
        private final String field;

        Refusal(String message) {
            this(null, message);
        }

        Refusal(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}

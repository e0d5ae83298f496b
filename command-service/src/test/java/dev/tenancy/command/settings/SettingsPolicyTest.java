package dev.tenancy.command.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenancy.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SettingsPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final ObjectMapper json = new ObjectMapper();
    private final SettingsPolicy policy = new SettingsPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFullBodyIsFlattenedToDottedPaths() throws Exception {
        Map<String, Object> values = policy.validate(json.readTree("{\"timezone\":\"America/New_York\","
                + "\"language\":\"de-CH\",\"currency\":\"eur\",\"security\":{\"twoFactorRequired\":true,"
                + "\"sessionTimeoutMinutes\":1440,\"ipAllowList\":[\" 192.168.0.0/16 \",\"2001:db8::/48\","
                + "\"10.1.2.3\"],\"sso\":{\"enabled\":false,\"issuer\":\"https://login.acme.test/realm\","
                + "\"clientId\":\" acme-app \",\"clientSecret\":\" keep spaces \"}},\"compliance\":{"
                + "\"dataRegion\":\"ap\",\"dpaAcceptedAt\":\"2026-11-27T10:00:00Z\","
                + "\"dpaAcceptedBy\":\"dpo@acme.test\","
                + "\"retentionDays\":{\"messages\":1,\"contacts\":3650,\"analytics\":30,\"auditLogs\":2555},"
                + "\"auditLogging\":false,\"allowImpersonation\":false}}"));

        assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("timezone", "America/New_York"),
                Map.entry("language", "de-CH"),
                Map.entry("currency", "EUR"),
                Map.entry("security.twoFactorRequired", true),
                Map.entry("security.sessionTimeoutMinutes", 1440),
                Map.entry("security.ipAllowList", List.of("192.168.0.0/16", "2001:db8::/48", "10.1.2.3")),
                Map.entry("security.sso.enabled", false),
                Map.entry("security.sso.issuer", "https://login.acme.test/realm"),
                Map.entry("security.sso.clientId", "acme-app"),
                Map.entry("security.sso.clientSecret", " keep spaces "),
                Map.entry("compliance.dataRegion", "ap"),
                Map.entry("compliance.dpaAcceptedAt", "2026-11-27T10:00:00Z"),
                Map.entry("compliance.dpaAcceptedBy", "dpo@acme.test"),
                Map.entry("compliance.retentionDays.messages", 1),
                Map.entry("compliance.retentionDays.contacts", 3650),
                Map.entry("compliance.retentionDays.analytics", 30),
                Map.entry("compliance.retentionDays.auditLogs", 2555),
                Map.entry("compliance.auditLogging", false),
                Map.entry("compliance.allowImpersonation", false)));
        assertThat(values.get("security.sessionTimeoutMinutes")).as("ints stay ints across event round trips")
                .isInstanceOf(Integer.class);
    }

    @Test
    void onlyTheFieldsSentAreReturned() throws Exception {
        assertThat(policy.validate(json.readTree("{\"security\":{\"sso\":{\"enabled\":true}}}")))
                .containsExactly(Map.entry("security.sso.enabled", true));
        assertThat(policy.validate(json.readTree("{}"))).isEmpty();
        assertThat(policy.validate(json.readTree("{\"security\":{}}"))).isEmpty();
    }

    @Test
    void dpaAcceptanceWithAnOffsetIsNormalizedToUtc() throws Exception {
        assertThat(policy.validate(json.readTree("{\"compliance\":{\"dpaAcceptedAt\":\"2026-01-01T12:00:00+02:00\"}}")))
                .containsEntry("compliance.dpaAcceptedAt", "2026-01-01T10:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de-CH", "pt-BR", "zh-Hant-TW", "es-419", "fil", "sr-Latn"})
    void wellFormedKnownLanguageTagsAreAccepted(String tag) throws Exception {
        assertThat(policy.validate(body("language", "\"" + tag + "\""))).containsEntry("language", tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx-??", "xx", "en_US", "de-ZZ", "", "english", "i-klingon", "en--us"})
    void otherLanguageTagsAreRefused(String tag) throws Exception {
        assertRefused(body("language", "\"" + tag + "\""), "language");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Mars/Base\"", "\"utc+1\"", "1", "\"\""})
    void unknownTimeZonesAreRefused(String value) throws Exception {
        assertRefused(body("timezone", value), "timezone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"XYZ\"", "\"EURO\"", "\"$\"", "true"})
    void unknownCurrenciesAreRefused(String value) throws Exception {
        assertRefused(body("currency", value), "currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "1441", "30.5", "\"30\"", "true", "99999999999"})
    void sessionTimeoutsOutsideFiveMinutesToADayAreRefused(String value) throws Exception {
        assertRefused(json.readTree("{\"security\":{\"sessionTimeoutMinutes\":" + value + "}}"),
                "security.sessionTimeoutMinutes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.0/8", "10.0.0.0/33", "10.0.0/8", "2001:db8::/129", "example.com", "10.0.0.0/x",
            "1.2.3.4/", "::g", "*", ""})
    void entriesOfTheAllowListMustBeCidrRanges(String entry) throws Exception {
        assertRefused(json.readTree("{\"security\":{\"ipAllowList\":[\"10.0.0.0/8\",\"" + entry + "\"]}}"),
                "security.ipAllowList[1]");
    }

    @Test
    void theAllowListHasAtMostAHundredEntriesAndIsAList() throws Exception {
        String hundredOne = "[" + "\"10.0.0.1\",".repeat(100) + "\"10.0.0.2\"]";
        assertRefused(json.readTree("{\"security\":{\"ipAllowList\":" + hundredOne + "}}"), "security.ipAllowList");
        String hundred = "[" + "\"10.0.0.1\",".repeat(99) + "\"10.0.0.2\"]";
        assertThat(policy.validate(json.readTree("{\"security\":{\"ipAllowList\":" + hundred + "}}"))
                .get("security.ipAllowList")).asList().hasSize(100);
        assertRefused(json.readTree("{\"security\":{\"ipAllowList\":\"10.0.0.0/8\"}}"), "security.ipAllowList");
        assertRefused(json.readTree("{\"security\":{\"ipAllowList\":[42]}}"), "security.ipAllowList[0]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"http://idp.test\"", "\"https://\"", "\"idp.test\"", "\"https://u:p@idp.test\"",
            "\"https://idp.test/#x\"", "\"ftp://idp.test\"", "true"})
    void theIssuerMustBeAnHttpsUrl(String value) throws Exception {
        assertRefused(json.readTree("{\"security\":{\"sso\":{\"issuer\":" + value + "}}}"), "security.sso.issuer");
    }

    @Test
    void ssoTextsHaveLengthLimitsAndTheSecretIsNeverEchoed() throws Exception {
        assertRefused(json.readTree("{\"security\":{\"sso\":{\"clientId\":\"" + "a".repeat(201) + "\"}}}"),
                "security.sso.clientId");
        assertRefused(json.readTree("{\"security\":{\"sso\":{\"clientId\":\"  \"}}}"), "security.sso.clientId");
        ApiProblem problem = assertRefused(json.readTree("{\"security\":{\"sso\":{\"clientSecret\":\""
                + "hunter2".repeat(80) + "\"}}}"), "security.sso.clientSecret");
        assertThat(problem.properties().toString() + problem.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void complianceFieldsAreChecked() throws Exception {
        assertRefused(json.readTree("{\"compliance\":{\"dataRegion\":\"EU\"}}"), "compliance.dataRegion");
        assertRefused(json.readTree("{\"compliance\":{\"dpaAcceptedAt\":\"2026-11-27T10:00:01Z\"}}"),
                "compliance.dpaAcceptedAt");
        assertRefused(json.readTree("{\"compliance\":{\"dpaAcceptedAt\":\"yesterday\"}}"), "compliance.dpaAcceptedAt");
        assertRefused(json.readTree("{\"compliance\":{\"dpaAcceptedBy\":\"not@an@email\"}}"),
                "compliance.dpaAcceptedBy");
        assertRefused(json.readTree("{\"compliance\":{\"dpaAcceptedBy\":\"" + "x".repeat(201) + "\"}}"),
                "compliance.dpaAcceptedBy");
        assertRefused(json.readTree("{\"compliance\":{\"retentionDays\":{\"contacts\":3651}}}"),
                "compliance.retentionDays.contacts");
        assertRefused(json.readTree("{\"compliance\":{\"allowImpersonation\":\"false\"}}"),
                "compliance.allowImpersonation");
    }

    @Test
    void nullIsNoValueAndGroupsMustBeObjects() throws Exception {
        assertRefused(json.readTree("{\"timezone\":null}"), "timezone");
        assertRefused(json.readTree("{\"compliance\":{\"retentionDays\":7}}"), "compliance.retentionDays");
        assertRefused(json.readTree("{\"security\":null}"), "security");
    }

    @Test
    void everyInvalidFieldIsReportedInOneProblem() throws Exception {
        ApiProblem problem = assertRefused(json.readTree("{\"timezone\":\"x\",\"currency\":\"y\",\"security\":"
                + "{\"twoFactorRequired\":1}}"), "timezone", "currency", "security.twoFactorRequired");
        assertThat((List<?>) problem.properties().get("errors")).hasSize(3);
    }

    @Test
    void unknownFieldsAreRefusedByPathBeforeAnyValueIsJudged() throws Exception {
        ApiProblem problem = catchThrowableOfType(() -> policy.validate(json.readTree("{\"timezone\":\"x\","
                + "\"theme\":\"dark\",\"security\":{\"sso\":{\"tenant\":1}},\"compliance\":{\"retentionDays\":"
                + "{\"logs\":1}}}")), ApiProblem.class);
        assertThat(problem.code()).isEqualTo("unknown-field");
        assertThat(fields(problem)).containsExactly("theme", "security.sso.tenant", "compliance.retentionDays.logs");
    }

    @Test
    void aBodyThatIsNoObjectIsMalformed() throws Exception {
        ApiProblem problem = catchThrowableOfType(() -> policy.validate(json.readTree("[]")), ApiProblem.class);
        assertThat(problem.code()).isEqualTo("malformed-request");
    }

    private JsonNode body(String field, String rawValue) throws Exception {
        return json.readTree("{\"" + field + "\":" + rawValue + "}");
    }

    private ApiProblem assertRefused(JsonNode body, String... fields) {
        ApiProblem problem = catchThrowableOfType(() -> policy.validate(body), ApiProblem.class);
        assertThat(problem).as("refused: " + body).isNotNull();
        assertThat(problem.code()).isEqualTo("validation-failed");
        assertThat(fields(problem)).containsExactlyInAnyOrder(fields);
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ApiProblem problem) {
        return ((List<Map<String, String>>) problem.properties().get("errors")).stream().map(e -> e.get("field"))
                .toList();
    }
}

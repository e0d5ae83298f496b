package dev.tenancy.command.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenancy.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BrandingPolicyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void validBrandingPassesAndNullClears() throws Exception {
        Map<String, Object> expected = new HashMap<>();
        expected.put("logoUrl", "https://cdn.acme.test/logo.svg");
        expected.put("primaryColor", "#AbC");
        expected.put("secondaryColor", "#a1b2c3");
        expected.put("customCss", null);
        assertThat(BrandingPolicy.validate(json.readTree("{\"logoUrl\":\"https://cdn.acme.test/logo.svg\","
                + "\"primaryColor\":\"#AbC\",\"secondaryColor\":\"#a1b2c3\",\"customCss\":null}"))).isEqualTo(expected);
    }

    @Test
    void eachBadFieldIsNamed() throws Exception {
        ApiProblem problem = catchThrowableOfType(() -> BrandingPolicy.validate(json.readTree("{\"logoUrl\":"
                + "\"https://cdn.acme.test/" + "a".repeat(2000) + "\",\"primaryColor\":\"#12\",\"secondaryColor\":"
                + "\"blue\",\"customCss\":42}")), ApiProblem.class);
        assertThat(problem.code()).isEqualTo("validation-failed");
        assertThat(fields(problem)).containsExactlyInAnyOrder("logoUrl", "primaryColor", "secondaryColor",
                "customCss");
    }

    @Test
    void onlyHttpsLogosAreAccepted() throws Exception {
        for (String url : List.of("http://cdn.acme.test/a.png", "javascript:alert(1)", "/logo.png",
                "data:image/png;base64,AAAA", "https:///a.png")) {
            ApiProblem problem = catchThrowableOfType(() -> BrandingPolicy.validate(json.readTree("{\"logoUrl\":\""
                    + url + "\"}")), ApiProblem.class);
            assertThat(fields(problem)).as(url).containsExactly("logoUrl");
        }
    }

    @Test
    void unknownFieldsAreRefused() throws Exception {
        ApiProblem problem = catchThrowableOfType(() -> BrandingPolicy.validate(json.readTree("{\"font\":\"x\"}")),
                ApiProblem.class);
        assertThat(problem.code()).isEqualTo("unknown-field");
        assertThat(fields(problem)).containsExactly("font");
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(ApiProblem problem) {
        return ((List<Map<String, String>>) problem.properties().get("errors")).stream().map(e -> e.get("field"))
                .toList();
    }
}

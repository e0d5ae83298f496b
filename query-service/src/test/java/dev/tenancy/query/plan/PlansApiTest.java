package dev.tenancy.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.PlanTerms;
import dev.tenancy.query.QueryServiceTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/plans: the catalog, public. */
class PlansApiTest extends QueryServiceTestSupport {

    @Test
    void theCatalogIsPublicAndOrderedFromFreeToEnterprise() throws Exception {
        HttpResponse<String> response = get("/api/v1/plans", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode plans = body(response);

        List<String> names = new ArrayList<>();
        plans.forEach(plan -> names.add(plan.get("plan").asText()));
        assertThat(names).containsExactly("FREE", "STARTER", "PROFESSIONAL", "ENTERPRISE");
        for (JsonNode plan : plans) {
            PlanTerms terms = PlanCatalog.terms(Plan.valueOf(plan.get("plan").asText()));
            assertThat(json.treeToValue(plan.get("limits"), Limits.class))
                    .isEqualTo(terms.limits());
            List<String> features = new ArrayList<>();
            plan.get("features").forEach(feature -> features.add(feature.asText()));
            assertThat(features).isSorted()
                    .containsExactlyInAnyOrderElementsOf(terms.features().stream().map(Enum::name).toList());
            assertThat(plan.get("customPricing").asBoolean()).isEqualTo(terms.customPricing());
        }
    }

    @Test
    void pricesAreInUsdAndEnterpriseIsCustom() throws Exception {
        JsonNode plans = body(get("/api/v1/plans", null));
        assertThat(plans.at("/0/monthlyPriceUsd").decimalValue()).isEqualByComparingTo("0");
        assertThat(plans.at("/1/monthlyPriceUsd").decimalValue()).isEqualByComparingTo("29");
        assertThat(plans.at("/2/monthlyPriceUsd").decimalValue()).isEqualByComparingTo("99");
        assertThat(plans.at("/3/monthlyPriceUsd").isNull()).isTrue();
        assertThat(plans.at("/3/customPricing").asBoolean()).isTrue();
        assertThat(plans.at("/3/limits/storage/unlimited").asBoolean()).isTrue();
        assertThat(plans.at("/3/limits/storage/max").isNull()).isTrue();
        assertThat(plans.at("/0/limits/storage/max").asLong()).as("bytes").isEqualTo(500L * 1024 * 1024);
    }
}

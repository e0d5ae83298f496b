package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.tenant.TenantSecurity;
import dev.tenancy.query.QueryServiceTestSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The query side's directory gives each tenant the security its settings events say, also after a replay. */
class TenantSecurityDirectoryTest extends QueryServiceTestSupport {

    @Autowired
    TenantDirectory directory;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aNewTenantHasTheDefaultsAndEachSettingsChangeIsFoldedIn() {
        String tenantId = tenant("sec-dir", Plan.FREE);
        assertThat(directory.findById(tenantId).orElseThrow().security()).isEqualTo(TenantSecurity.defaults());

        append(tenantId, new SettingsChangedEvent(tenantId, List.of(
                new FieldChange("security.ipAllowList", List.of(), List.of("203.0.113.0/24", "::1/128")),
                new FieldChange("security.twoFactorRequired", false, true),
                new FieldChange("compliance.allowImpersonation", true, false),
                new FieldChange("timezone", "UTC", "Europe/Oslo"))));
        assertThat(directory.findById(tenantId).orElseThrow().security())
                .isEqualTo(new TenantSecurity(List.of("203.0.113.0/24", "::1/128"), true, false));
        assertThat(directory.findBySlug("sec-dir").orElseThrow().security().ipAllowList()).hasSize(2);

        append(tenantId, new SettingsChangedEvent(tenantId, List.of(
                new FieldChange("security.ipAllowList", List.of("203.0.113.0/24", "::1/128"), List.of()),
                new FieldChange("compliance.allowImpersonation", false, null))));
        assertThat(directory.findById(tenantId).orElseThrow().security())
                .isEqualTo(new TenantSecurity(List.of(), true, true));
    }

    @Test
    void aReplayFromZeroGivesTheSameSecurity() {
        String tenantId = tenant("sec-replay", Plan.STARTER);
        append(tenantId, new SettingsChangedEvent(tenantId, List.of(
                new FieldChange("security.ipAllowList", List.of(), List.of("10.0.0.0/8")),
                new FieldChange("security.twoFactorRequired", false, true))));
        TenantRef live = directory.findById(tenantId).orElseThrow();
        assertThat(live.security().ipAllowList()).containsExactly("10.0.0.0/8");

        TrackingEventProcessor processor = processing.eventProcessor(TenantProjection.GROUP,
                TrackingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(directory.findById(tenantId)).isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(directory.findById(tenantId)).contains(live));
    }
}

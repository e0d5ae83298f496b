package dev.tenancy.command.tenant;

import dev.tenancy.api.apikey.ApiKeyCreatedEvent;
import dev.tenancy.api.apikey.ApiKeyRevokedEvent;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.event.FeaturesOverriddenEvent;
import dev.tenancy.platform.axon.Serializers;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.tenancy.command.tenant.TenantFixtures.NOW;
import static dev.tenancy.command.tenant.TenantFixtures.TENANT;
import static dev.tenancy.command.tenant.TenantFixtures.created;
import static org.assertj.core.api.Assertions.assertThat;

/** The key ring survives a snapshot: plan, overrides, active names and every id ever used come back. */
class ApiKeyRingSnapshotTest {

    @Test
    void theRingRoundTripsThroughTheSnapshotSerializer() {
        ApiKeyRing ring = new ApiKeyRing();
        ring.on(created(Plan.FREE));
        ring.on(new FeaturesOverriddenEvent(TENANT, Map.of(), Map.of(Feature.API_ACCESS, true)));
        ring.on(new ApiKeyCreatedEvent(TENANT, "k-1", "CI", "prefix000001", Set.of("read"), NOW));
        ring.on(new ApiKeyCreatedEvent(TENANT, "k-2", "Ops", "prefix000002", Set.of("write"), NOW));
        ring.on(new ApiKeyRevokedEvent(TENANT, "k-1"));
        JacksonSerializer serializer = Serializers.snapshots();

        SerializedObject<byte[]> snapshot = serializer.serialize(ring, byte[].class);
        ApiKeyRing back = serializer.deserialize(snapshot);

        assertThat(new String(snapshot.getData())).contains("\"Ops\"", "\"k-1\"", "API_ACCESS", "FREE");
        assertThat(back).usingRecursiveComparison().isEqualTo(ring);
    }
}

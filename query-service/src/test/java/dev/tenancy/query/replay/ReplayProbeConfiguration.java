package dev.tenancy.query.replay;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** The probe's group, adopted for rebuilds the way a real projection is. */
@TestConfiguration(proxyBeanMethods = false)
class ReplayProbeConfiguration {

    @Bean
    ReplayProbeControls replayProbeControls() {
        return new ReplayProbeControls();
    }

    @Bean
    ReplayProbe replayProbe(CollectionRegistry collections, ReplayProbeControls controls) {
        return new ReplayProbe(collections, controls, false);
    }

    @Bean
    ReplayProbeNotifier replayProbeNotifier(ReplayProbeControls controls) {
        return new ReplayProbeNotifier(controls);
    }

    @Bean
    RebuildableReadModel rebuildableReplayProbe(ReplayProbeControls controls) {
        return new RebuildableReadModel(ReplayProbe.GROUP, List.of(ReplayProbe.COLLECTION),
                collections -> List.of(new ReplayProbe(collections, controls, true), new ReplayProbeNotifier(controls)),
                RebuildableReadModel.TENANT_ID);
    }
}

package dev.tenancy.query.replay;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the tests steer the probe projection with, and what its side-effecting handler did. */
class ReplayProbeControls {

    /** Tenants whose events make the probe projection fail. */
    final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    /** Tenants the side-effecting (@DisallowReplay) handler was invoked for, once per invocation. */
    final List<String> welcomed = new CopyOnWriteArrayList<>();
    /** While set, a rebuild's probe instance waits here before each event; the live one never does. */
    volatile CountDownLatch rebuildGate;

    void failIfPoisoned(String tenantId) {
        if (poisoned.contains(tenantId)) {
            throw new IllegalStateException("probe fault for tenant " + tenantId);
        }
    }

    void passRebuildGate() throws InterruptedException {
        CountDownLatch gate = rebuildGate;
        if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the rebuild gate");
        }
    }
}

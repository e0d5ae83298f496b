package dev.tenancy.platform.context;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.function.Supplier;

/** The current thread's {@link CallContext}, mirrored into the logging MDC so every log line names it. */
public final class CallContextHolder {

    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    private CallContextHolder() {
    }

    public static Optional<CallContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(CallContext context) {
        CURRENT.set(context);
        Mdc.put(context.correlationId(), context.tenantId(), context.requestId());
    }

    public static void clear() {
        CURRENT.remove();
        Mdc.clear();
    }

    /** Runs {@code work} under {@code context}, restoring whatever was there before. */
    public static <T> T callAs(CallContext context, Supplier<T> work) {
        CallContext previous = CURRENT.get();
        set(context);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                clear();
            } else {
                set(previous);
            }
        }
    }

    /** MDC keys used by the log pattern of both services. */
    public static final class Mdc {
        public static final String CORRELATION_ID = "correlationId";
        public static final String TENANT_ID = "tenantId";
        public static final String REQUEST_ID = "requestId";
        public static final String SERVICE = "service";

        private Mdc() {
        }

        public static void put(String correlationId, String tenantId, String requestId) {
            putOrRemove(CORRELATION_ID, correlationId);
            putOrRemove(TENANT_ID, tenantId);
            putOrRemove(REQUEST_ID, requestId);
        }

        /** Names the service on this thread's log lines; several services may share one JVM in the local stack. */
        public static void service(String name) {
            putOrRemove(SERVICE, name);
        }

        public static void clear() {
            MDC.remove(SERVICE);
            MDC.remove(CORRELATION_ID);
            MDC.remove(TENANT_ID);
            MDC.remove(REQUEST_ID);
        }

        private static void putOrRemove(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}

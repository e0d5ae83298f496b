package dev.tenancy.platform.messaging;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.platform.context.CallContextHolder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.util.Map;

/**
 * Puts the event's service, tenant and correlation id into the log MDC while it is handled, and restores what was
 * there before: tracking processors run on their own threads, but subscribing processors run on the request thread,
 * whose log context must survive the event.
 */
public class MdcHandlerInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String serviceName;

    public MdcHandlerInterceptor(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        var metadata = unitOfWork.getMessage().getMetaData();
        CallContextHolder.Mdc.put((String) metadata.get(MetadataKeys.CORRELATION_ID),
                (String) metadata.get(MetadataKeys.TENANT_ID), (String) metadata.get(MetadataKeys.REQUEST_ID));
        CallContextHolder.Mdc.service(serviceName);
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }
}

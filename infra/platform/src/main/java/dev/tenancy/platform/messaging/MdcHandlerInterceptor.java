package dev.tenancy.platform.messaging;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.platform.context.CallContextHolder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/** Event processors run on their own threads: this puts the event's tenant and correlation id into the log MDC. */
public class MdcHandlerInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String serviceName;

    public MdcHandlerInterceptor(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var metadata = unitOfWork.getMessage().getMetaData();
        CallContextHolder.Mdc.put((String) metadata.get(MetadataKeys.CORRELATION_ID),
                (String) metadata.get(MetadataKeys.TENANT_ID), (String) metadata.get(MetadataKeys.REQUEST_ID));
        CallContextHolder.Mdc.service(serviceName);
        try {
            return chain.proceed();
        } finally {
            CallContextHolder.Mdc.clear();
        }
    }
}

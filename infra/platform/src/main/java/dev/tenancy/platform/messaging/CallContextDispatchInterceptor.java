package dev.tenancy.platform.messaging;

import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.web.ApiProblem;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one place where commands get their metadata. The tenant comes from the payload; a tenant user can only send
 * commands for the tenant of its token, whatever the payload says. Only superadmins cross tenants.
 */
public class CallContextDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            CallContext context = CallContextHolder.current()
                    .orElseThrow(() -> new IllegalStateException("command " + command.getCommandName()
                            + " dispatched outside a call context"));
            String tenantId = context.tenantId();
            if (command.getPayload() instanceof TenantMessage tenantMessage) {
                String target = tenantMessage.tenantId();
                if (tenantId != null && !tenantId.equals(target) && !context.isSuperadmin()) {
                    throw new ApiProblem(HttpStatus.FORBIDDEN, "tenant-mismatch", "Tenant mismatch",
                            "The command targets another tenant than the caller's.");
                }
                tenantId = target;
            }
            Map<String, Object> metadata = context.withTenant(tenantId).asMetadata();
            metadata.putIfAbsent(MetadataKeys.CAUSATION_ID, context.requestId());
            return command.andMetaData(metadata);
        };
    }
}

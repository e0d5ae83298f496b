package dev.tenancy.platform.axon;

import dev.tenancy.platform.PlatformDefaults;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared defaults keep Axon's timeouts on the unit of work (a command, a processor's batch) as a last resort, and
 * leave the handlers inside it without a second timer: Axon 4.12 walks the thread's stack every time one starts.
 */
class HandlerTimeoutDefaultsTest {

    @Test
    void handlersRunUnwrappedInsideUnitsOfWorkThatStillTimeOut() {
        TimeoutProperties defaults = platformDefaults();

        assertThat(wrappedHandlers(defaults)).as("command, event and event-sourcing handlers").isEmpty();
        assertThat(defaults.getTransaction().getCommandBus().getTimeoutMs()).isEqualTo(600_000);
        assertThat(defaults.getTransaction().getCommandBus().getWarningThresholdMs()).isEqualTo(10_000);
        assertThat(defaults.getTransaction().getEventProcessors().getTimeoutMs()).isEqualTo(600_000);
        assertThat(defaults.getTransaction().getEventProcessors().getWarningThresholdMs()).isEqualTo(10_000);
    }

    @Test
    void axonsOwnDefaultsWouldWrapEveryOne() {
        assertThat(wrappedHandlers(new TimeoutProperties())).hasSize(3);
    }

    private static TimeoutProperties platformDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        new PlatformDefaults().postProcessEnvironment(environment, null);
        return Binder.get(environment).bind("axon.timeout", TimeoutProperties.class).get();
    }

    private static List<MessageHandlingMember<? super Handlers>> wrappedHandlers(TimeoutProperties properties) {
        HandlerTimeoutHandlerEnhancerDefinition timeouts = new HandlerTimeoutHandlerEnhancerDefinition(
                properties.getHandler().toMessageHandlerTimeoutConfiguration());
        AnnotatedHandlerInspector<Handlers> inspector = AnnotatedHandlerInspector.inspectType(Handlers.class,
                ClasspathParameterResolverFactory.forClass(Handlers.class),
                MultiHandlerDefinition.ordered(List.of(new AnnotatedMessageHandlingMemberDefinition()), timeouts));
        List<MessageHandlingMember<? super Handlers>> all = inspector.getAllHandlers().values().stream()
                .flatMap(Collection::stream).toList();
        assertThat(all).as("the handlers inspected").hasSize(3);
        // the timeout enhancer is the only one in the chain: a member it wrapped is no longer the annotated one
        return all.stream()
                .filter(member -> member.unwrap(AnnotatedMessageHandlingMember.class).orElseThrow() != member)
                .toList();
    }

    static class Handlers {

        @CommandHandler
        void handle(String command) {
        }

        @EventHandler
        void on(Long event) {
        }

        @EventSourcingHandler
        void apply(Integer event) {
        }
    }
}

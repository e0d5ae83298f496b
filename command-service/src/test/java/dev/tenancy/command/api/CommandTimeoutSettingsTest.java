package dev.tenancy.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Axon cuts off a command's unit of work at its timeout even after the events are stored; the platform's defaults
 * keep that a last resort far above legitimate work (a long stream loaded without a snapshot took minutes). The
 * handlers inside get no timer of their own (Axon 4.12 walks the stack to start one; see HandlerTimeoutDefaultsTest).
 */
class CommandTimeoutSettingsTest extends CommandApiTestSupport {

    @Autowired
    TimeoutProperties timeouts;

    @Test
    void commandsAreCutOffOnlyAfterTenMinutesAndLoggedFromTenSeconds() {
        var unitOfWork = timeouts.getTransaction().getCommandBus();
        var handler = timeouts.getHandler().getCommands();

        assertThat(unitOfWork.getTimeoutMs()).isEqualTo(600_000);
        assertThat(unitOfWork.getWarningThresholdMs()).isEqualTo(10_000);
        assertThat(handler.getTimeoutMs()).as("no timer per handler").isEqualTo(-1);
        assertThat(handler.getWarningThresholdMs()).isEqualTo(-1);
    }

    @Test
    void eventProcessorsAreCutOffOnlyAfterTenMinutesToo() {
        var unitOfWork = timeouts.getTransaction().getEventProcessors();
        var handler = timeouts.getHandler().getEvents();

        assertThat(unitOfWork.getTimeoutMs()).isEqualTo(600_000);
        assertThat(unitOfWork.getWarningThresholdMs()).isEqualTo(10_000);
        assertThat(handler.getTimeoutMs()).as("no timer per handler").isEqualTo(-1);
        assertThat(handler.getWarningThresholdMs()).isEqualTo(-1);
    }
}

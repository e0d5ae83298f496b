package dev.tenancy.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Retries a command only when it lost an append race: another instance (or a stale cached aggregate) wrote the
 * tenant's next event first, and MongoDB's unique (aggregate, sequence) key refused ours. The retry reloads the
 * aggregate and decides again. Rule violations are answers, not failures, and are never retried.
 */
public class ConcurrencyRetryScheduler implements RetryScheduler {

    private final RetryScheduler retries;

    public ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, long intervalMillis) {
        this.retries = IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(maxRetries)
                .retryInterval((int) intervalMillis)
                .nonTransientFailurePredicate(failure -> false)
                .build();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures,
                                 Runnable dispatchTask) {
        return lostAppendRace(lastFailure) && retries.scheduleRetry(commandMessage, lastFailure, failures,
                dispatchTask);
    }

    private static boolean lostAppendRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}

package dev.tenancy.query.replay;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Marks an event as a replay for the handlers it reaches, whatever its token says, so {@code @DisallowReplay}
 * handlers skip it and {@code ReplayStatus} parameters read REPLAY. A rebuild's processor starts from the tail with a
 * plain token (its position is compared and copied to the live processor), so without this mark its handlers would
 * take old events, and every event after the rebuild started, for live ones: side effects would fire a second time.
 */
final class ReplayMessages {

    private ReplayMessages() {
    }

    /**
     * @param atReset   a token of the store, used when the event carries none (read from an aggregate's stream)
     * @param rebuildId the replay context, for handlers that ask {@code ReplayToken.replayContext(message, ...)}
     */
    static EventMessage<?> asReplay(EventMessage<?> message, TrackingToken atReset, String rebuildId) {
        if (ReplayToken.isReplay(message)) {
            return message;
        }
        TrackingToken position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken() : atReset;
        // no start position: a replay token that stays in replay for every event it is attached to
        TrackingToken replay = ReplayToken.createReplayToken(position, null, rebuildId);
        if (message instanceof TrackedEventMessage<?> tracked) {
            return tracked.withTrackingToken(replay);
        }
        if (message instanceof DomainEventMessage<?> domain) {
            return new GenericTrackedDomainEventMessage<>(replay, domain);
        }
        return new GenericTrackedEventMessage<>(replay, message);
    }
}

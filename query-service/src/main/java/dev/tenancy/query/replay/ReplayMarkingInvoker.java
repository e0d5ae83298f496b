package dev.tenancy.query.replay;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * The invoker of a rebuild's processor: hands every event on as a replay (see {@link ReplayMessages}), also to the
 * dead-letter queue below it, so a parked event retried later still counts as a replay, and counts what it handles.
 */
final class ReplayMarkingInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker delegate;
    private final String rebuildId;
    private final RateMeter handled;

    ReplayMarkingInvoker(EventHandlerInvoker delegate, String rebuildId, RateMeter handled) {
        this.delegate = delegate;
        this.rebuildId = rebuildId;
        this.handled = handled;
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return delegate.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return delegate.canHandleType(payloadType);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        delegate.handle(ReplayMessages.asReplay(message, null, rebuildId), segment);
        handled.mark();
    }

    @Override
    public boolean supportsReset() {
        return false;
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}

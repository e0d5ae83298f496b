package dev.tenancy.platform.axon;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A token store that leaves out claim extensions this node made redundant. A tracking processor without a transaction
 * manager extends its claim at the start of every batch and stores its token, which renews the claim too, at the end:
 * two writes of the token document per batch and processor. Near the head of the stream a batch is often one event,
 * so in the usage benchmark these writes were about six per REST increment.
 * <p>
 * Here an extension is sent only when this node has not written that segment's claim for {@code renewAfter}. Another
 * node takes a claim over only once it is older than the claim timeout, so with {@code renewAfter} well below it the
 * claim stays this node's; a claim lost anyway (this node stalled past the timeout) is still found out, by the next
 * extension or by the token store at the end of the batch. Every other call goes to the delegate as it is.
 */
public final class RecentClaimTokenStore implements TokenStore {

    private record Claim(String processor, int segment) {
    }

    private final TokenStore delegate;
    private final Duration renewAfter;
    private final Clock clock;
    private final Map<Claim, Instant> written = new ConcurrentHashMap<>();

    public RecentClaimTokenStore(TokenStore delegate, Duration renewAfter, Clock clock) {
        if (renewAfter.isNegative()) {
            throw new IllegalArgumentException("renewAfter must not be negative");
        }
        this.delegate = delegate;
        this.renewAfter = renewAfter;
        this.clock = clock;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        claiming(processorName, segment, () -> {
            delegate.storeToken(token, processorName, segment);
            return null;
        });
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return claiming(processorName, segment, () -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return claiming(processorName, segment.getSegmentId(), () -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        Instant last = written.get(new Claim(processorName, segment));
        if (last != null && clock.instant().isBefore(last.plus(renewAfter))) {
            return;
        }
        claiming(processorName, segment, () -> {
            delegate.extendClaim(processorName, segment);
            return null;
        });
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        written.remove(new Claim(processorName, segment));
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        written.remove(new Claim(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }

    /**
     * Runs a call that claims the segment, or renews the claim, as of the time before it was sent (the store stamps
     * the claim while the call runs). After a failed call (claim refused, store unreachable) the next extension is
     * sent again.
     */
    private <T> T claiming(String processorName, int segment, Supplier<T> call) {
        Claim claim = new Claim(processorName, segment);
        Instant sent = clock.instant();
        try {
            T result = call.get();
            written.put(claim, sent);
            return result;
        } catch (RuntimeException e) {
            written.remove(claim);
            throw e;
        }
    }
}

package dev.tenancy.api.plan;

/**
 * A numeric limit. Unlimited is a state of its own ({@code unlimited = true, max = null}), never a magic number.
 */
public record Quota(boolean unlimited, Long max) {

    public Quota {
        if (unlimited && max != null) {
            throw new IllegalArgumentException("an unlimited quota has no max");
        }
        if (!unlimited && (max == null || max < 0)) {
            throw new IllegalArgumentException("a limited quota needs a max of zero or more");
        }
    }

    public static Quota of(long max) {
        return new Quota(false, max);
    }

    public static Quota unlimitedQuota() {
        return new Quota(true, null);
    }

    /** Whether {@code amount} more on top of {@code used} stays within the quota. */
    public boolean allows(long used, long amount) {
        return unlimited || used + amount <= max;
    }
}

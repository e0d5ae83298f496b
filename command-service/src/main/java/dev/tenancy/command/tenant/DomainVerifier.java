package dev.tenancy.command.tenant;

/** Proves that a tenant controls a domain. Production checks DNS; tests and air-gapped setups plug in their own. */
public interface DomainVerifier {

    /** Whether the domain publishes the token; any failure to find out counts as not verified. */
    boolean verify(String domain, String token);

    /** What the check looks for, shown to the tenant when it fails. */
    default String describe(String domain, String token) {
        return DnsTxtChallenge.of(domain, token).toString();
    }

    /** Recorded in the verified event, e.g. {@code dns-txt}. */
    default String method() {
        return DnsTxtChallenge.TYPE;
    }
}

package dev.tenancy.command.tenant;

/** Proves that a tenant controls a domain. Production checks DNS; tests and air-gapped setups plug in their own. */
public interface DomainVerifier {

    boolean verify(String domain);

    /** What the check looks for, shown to the tenant when it fails. */
    String describe(String domain);

    /** Recorded in the verified event, e.g. {@code dns-txt}. */
    String method();
}

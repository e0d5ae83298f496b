package dev.tenancy.command.tenant;

/**
 * The DNS TXT record that proves control of a domain: {@code _tenancy-verification.<domain>} holding
 * {@code tenancy-verification=<token>}. The token is public (the tenant publishes it), so it is no secret.
 */
public record DnsTxtChallenge(String type, String name, String value) {

    public static final String TYPE = "dns-txt";

    public static DnsTxtChallenge of(String domain, String token) {
        return new DnsTxtChallenge(TYPE, "_tenancy-verification." + domain, "tenancy-verification=" + token);
    }

    @Override
    public String toString() {
        return "TXT " + name + " \"" + value + "\"";
    }
}

package dev.tenancy.command.tenant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for DNS: a domain passes when the test has "published" exactly its token. */
public class FakeDomainVerifier implements DomainVerifier {

    private final Map<String, String> published = new ConcurrentHashMap<>();

    public void publish(String domain, String token) {
        published.put(domain, token);
    }

    @Override
    public boolean verify(String domain, String token) {
        return token.equals(published.get(domain));
    }
}

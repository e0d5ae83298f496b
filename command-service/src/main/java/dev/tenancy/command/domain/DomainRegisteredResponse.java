package dev.tenancy.command.domain;

import dev.tenancy.command.tenant.DnsTxtChallenge;

/** {@code verification}: the DNS TXT record to publish before asking for verification. */
public record DomainRegisteredResponse(String domain, String status, String verificationToken,
                                       DnsTxtChallenge verification) {
}

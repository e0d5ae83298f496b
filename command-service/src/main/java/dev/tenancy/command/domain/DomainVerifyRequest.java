package dev.tenancy.command.domain;

/** A superadmin's {@code {"override": true}} marks the domain verified without its DNS check. */
public record DomainVerifyRequest(Boolean override) {
}

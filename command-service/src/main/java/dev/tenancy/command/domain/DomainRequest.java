package dev.tenancy.command.domain;

public record DomainRequest(String domain) {
}

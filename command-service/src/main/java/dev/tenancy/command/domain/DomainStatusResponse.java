package dev.tenancy.command.domain;

public record DomainStatusResponse(String domain, String status) {
}

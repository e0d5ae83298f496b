package dev.tenancy.command.domain;

/** Routes that take no input still refuse a body with fields, rather than silently ignoring them. */
public record NoBody() {
}

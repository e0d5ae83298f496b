package dev.tenancy.api.metadata;

/** Who issued a command: a person, a tenant's API key, another service of the product, or the platform itself. */
public enum ActorKind {
    USER,
    API_KEY,
    SERVICE,
    SYSTEM
}

package dev.tenancy.bench;

/** A tenant signed up for the benchmark, with its owner's access token. */
record Tenant(String id, String slug, String accessToken) {
}

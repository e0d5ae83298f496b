package dev.tenancy.api.apikey;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an API key may do: {@code read} (GET/HEAD), {@code write} (every other method) and {@code usage:write} (only
 * usage reports). Scopes are plain strings in commands, events and the key store, always held sorted so the same
 * scopes serialize the same way.
 */
public final class ApiKeyScopes {

    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String USAGE_WRITE = "usage:write";
    public static final List<String> ALL = List.of(READ, WRITE, USAGE_WRITE);

    private ApiKeyScopes() {
    }

    /** The scopes as an unmodifiable sorted set without duplicates; null is empty. */
    public static SortedSet<String> sorted(Collection<String> scopes) {
        return Collections.unmodifiableSortedSet(scopes == null ? new TreeSet<>() : new TreeSet<>(scopes));
    }

    public static boolean isKnown(String scope) {
        return ALL.contains(scope);
    }
}

package dev.tenancy.query.web;

/** Where to go after signing in: only a path of this console, never another site (no open redirect). */
public final class SafeNext {

    private static final String DEFAULT = "/dashboard";

    private SafeNext() {
    }

    public static String of(String candidate) {
        if (candidate == null || candidate.isBlank() || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.chars().anyMatch(c -> c < 0x20)) {
            return DEFAULT;
        }
        return candidate.startsWith("/dashboard") ? candidate : DEFAULT;
    }
}

package dev.tenancy.api.plan;

import java.util.Arrays;
import java.util.Optional;

/** The product's plans, lowest first: a higher plan includes every feature of the lower ones. */
public enum Plan {
    FREE,
    STARTER,
    PROFESSIONAL,
    ENTERPRISE;

    /** Case-insensitive lookup for API input; empty for an unknown name. */
    public static Optional<Plan> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}

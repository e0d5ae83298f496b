package dev.tenancy.command.member;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.web.FieldErrors;

import java.util.List;

/** The roles a tenant member can be given through the API. */
final class Roles {

    static final List<Role> ASSIGNABLE = List.of(Role.OWNER, Role.ADMIN, Role.MEMBER);

    private Roles() {
    }

    /** The role named by {@code value}, or null with the field's error added. */
    static Role parse(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, field + " is required");
            return null;
        }
        return ASSIGNABLE.stream().filter(role -> role.name().equals(value.trim())).findFirst().orElseGet(() -> {
            errors.add(field, field + " must be one of " + ASSIGNABLE);
            return null;
        });
    }
}

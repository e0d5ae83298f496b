package dev.tenancy.command.tenant;

import dev.tenancy.api.user.Role;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who may do what to whom among a tenant's members. Owners manage every role; admins manage admins and members but
 * never owners (they can neither invite, promote to, demote nor remove an owner); members manage nobody. Superadmins,
 * also while impersonating, may do what an owner may. A tenant always keeps at least one owner.
 */
final class MemberPolicy {

    private MemberPolicy() {
    }

    /** The role the caller acts with, from the command's metadata; empty for a caller without a tenant role. */
    static Optional<Role> actingRole(String actorRole, String actingSuperadmin) {
        if (actingSuperadmin != null || Role.SUPERADMIN.name().equals(actorRole)) {
            return Optional.of(Role.OWNER);
        }
        for (Role role : Role.values()) {
            if (role.name().equals(actorRole)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    static boolean mayManage(Optional<Role> actor, Role target) {
        return actor.map(role -> role == Role.OWNER || (role == Role.ADMIN && target != Role.OWNER)).orElse(false);
    }

    static void requireMayManage(Optional<Role> actor, Role target) {
        if (!mayManage(actor, target)) {
            throw TenantRuleViolation.roleNotManageable(actor.orElse(null), target);
        }
    }

    /** A role a tenant member can hold: superadmins belong to no tenant. */
    static Role assignable(Role role) {
        if (role == null || role == Role.SUPERADMIN) {
            throw TenantRuleViolation.invalid(Map.of("role", "role must be one of OWNER, ADMIN, MEMBER"));
        }
        return role;
    }

    /** The address in the one form it is compared and stored in (its format is checked at the API). */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            throw TenantRuleViolation.invalid(Map.of("email", "email is required"));
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Removing or demoting an owner needs another owner to remain. */
    static void requireAnotherOwner(Member member, long owners) {
        if (member.role() == Role.OWNER && owners <= 1) {
            throw TenantRuleViolation.lastOwner();
        }
    }
}

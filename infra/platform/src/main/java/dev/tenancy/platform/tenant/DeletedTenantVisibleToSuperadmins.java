package dev.tenancy.platform.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A superadmin route where naming a deleted tenant is meaningful: its history stays in the event store, so its
 * events can be searched and its read-model slice rebuilt. For everyone else, and on every other route, a deleted
 * tenant is not found.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DeletedTenantVisibleToSuperadmins {
}

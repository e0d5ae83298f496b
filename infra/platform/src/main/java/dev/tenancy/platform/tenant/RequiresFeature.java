package dev.tenancy.platform.tenant;

import dev.tenancy.api.plan.Feature;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The route needs this feature in the current tenant's effective features; otherwise 403 problem
 * {@code feature-not-available} naming the feature, the tenant's plan and the lowest plan that has it.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresFeature {
    Feature value();
}

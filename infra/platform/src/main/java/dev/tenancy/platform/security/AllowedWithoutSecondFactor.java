package dev.tenancy.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route the users of a tenant that requires a second factor may use before they passed one: what it takes to set
 * one up, to keep or end the session, and to see which tenant they are in.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedWithoutSecondFactor {
}

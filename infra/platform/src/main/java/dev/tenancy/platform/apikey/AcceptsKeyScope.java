package dev.tenancy.platform.apikey;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * API keys with this scope may call the route too, besides keys with the scope its method needs anyway
 * ({@code read} for GET and HEAD, {@code write} for the rest): e.g. {@code usage:write} on the usage report, so a
 * metering integration needs no general write access.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptsKeyScope {
    String value();
}

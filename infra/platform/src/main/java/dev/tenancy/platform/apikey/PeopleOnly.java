package dev.tenancy.platform.apikey;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route only people may call, whatever their role: API keys get 403 {@code forbidden}. For what must stay in a
 * person's hands even where a key's role would do (managing keys, a person's own sign-in and account).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PeopleOnly {
}

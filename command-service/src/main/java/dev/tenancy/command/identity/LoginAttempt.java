package dev.tenancy.command.identity;

import org.bson.Document;

/**
 * One counted check of an account's secret: {@code revision} is what the throttle wrote when counting it,
 * {@code before} the state it replaced (null when there was none), so the count can be given back.
 */
record LoginAttempt(String key, long revision, Document before) {
}

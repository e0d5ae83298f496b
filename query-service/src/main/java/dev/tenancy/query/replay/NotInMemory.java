package dev.tenancy.query.replay;

/**
 * Thrown before anything changed when a call is outside what the write-behind cache mirrors exactly; the caller then
 * hands the call to the real collection, so being wrong is never an option, only being slow.
 */
final class NotInMemory extends RuntimeException {

    NotInMemory(String why) {
        super(why, null, false, false);
    }
}

package dev.tenancy.query.replay;

/**
 * The outcome of retrying a parked sequence.
 *
 * @param processed true when every letter of the sequence was handled and left the queue; false when one failed
 *                  again (it stays, with its new cause) or another retry holds the sequence
 * @param remaining letters still parked in the sequence
 */
public record RetryResult(String group, String sequenceId, boolean processed, long remaining) {
}

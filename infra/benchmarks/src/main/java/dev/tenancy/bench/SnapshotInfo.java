package dev.tenancy.bench;

/** The snapshots kept for one aggregate: how many, the newest one's sequence number and payload size. */
record SnapshotInfo(long count, long newestSequence, long newestPayloadChars) {
}

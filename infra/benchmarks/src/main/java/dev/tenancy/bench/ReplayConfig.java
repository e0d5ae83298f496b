package dev.tenancy.bench;

/** How one rebuild is asked for: which projection, and its processor's kind, segments, batch and fetch sizes. */
record ReplayConfig(String projection, String processor, int segments, int batchSize, int fetchSize) {

    @Override
    public String toString() {
        return projection + " " + processor + " x" + segments + " batch " + batchSize + " fetch " + fetchSize;
    }
}

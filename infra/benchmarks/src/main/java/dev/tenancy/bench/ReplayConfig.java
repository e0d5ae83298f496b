package dev.tenancy.bench;

/**
 * How one rebuild is asked for: which projection, whether it starts with the bulk pass, and its processor's kind,
 * segments, batch and fetch sizes; {@code again} for a repeat, in a service whose compiler has seen the code run.
 */
record ReplayConfig(String projection, boolean bulk, String processor, int segments, int batchSize, int fetchSize,
                    boolean again) {

    ReplayConfig(String projection, boolean bulk, String processor, int segments, int batchSize, int fetchSize) {
        this(projection, bulk, processor, segments, batchSize, fetchSize, false);
    }

    String query() {
        return "?bulk=" + bulk + "&processor=" + processor + "&segments=" + segments + "&batchSize=" + batchSize
                + "&fetchSize=" + fetchSize;
    }

    @Override
    public String toString() {
        return projection + (bulk ? " bulk" : " processor only") + " " + processor + " x" + segments + " batch "
                + batchSize + " fetch " + fetchSize + (again ? " (again)" : "");
    }
}

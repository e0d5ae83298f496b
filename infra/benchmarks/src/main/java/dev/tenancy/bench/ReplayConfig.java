package dev.tenancy.bench;

/**
 * How one rebuild is asked for: which projection, whether it starts with the bulk pass, and its processor's kind,
 * segments, batch and fetch sizes.
 */
record ReplayConfig(String projection, boolean bulk, String processor, int segments, int batchSize, int fetchSize) {

    String query() {
        return "?bulk=" + bulk + "&processor=" + processor + "&segments=" + segments + "&batchSize=" + batchSize
                + "&fetchSize=" + fetchSize;
    }

    @Override
    public String toString() {
        return projection + (bulk ? " bulk" : " processor only") + " " + processor + " x" + segments + " batch "
                + batchSize + " fetch " + fetchSize;
    }
}

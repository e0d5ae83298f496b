package dev.tenancy.bench;

/** One unit of load; {@code thread} and {@code sequence} make keys unique without coordination between threads. */
@FunctionalInterface
interface Operation {

    void run(int thread, long sequence) throws Exception;

    /** A single timed call. */
    @FunctionalInterface
    interface Call {

        void run() throws Exception;
    }
}

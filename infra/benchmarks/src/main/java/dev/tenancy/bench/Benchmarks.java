package dev.tenancy.bench;

import java.util.Arrays;

/** {@code java -jar tenancy-benchmarks.jar [replay] [--flags]}: the usage benchmark, or with "replay" the replay one. */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "replay".equals(args[0])) {
            ReplayBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            UsageBenchmark.main(args);
        }
    }
}

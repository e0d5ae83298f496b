package dev.tenancy.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name=value} flags of a benchmark run, refusing anything malformed or unknown. */
final class CommandLineFlags {

    private CommandLineFlags() {
    }

    static Map<String, String> parse(String[] args, Set<String> known) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Flags look like --name=value, got " + arg);
            }
            String name = arg.substring(2, equals);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown flag --" + name + "; known: " + known);
            }
            flags.put(name, arg.substring(equals + 1));
        }
        return flags;
    }
}

package org.equivariant4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.experiment.StandardOptions;

import picocli.CommandLine.Option;

/**
 * The experiment options shared by {@code run} and {@code bench}: any option as
 * {@code -o NAME=VALUE}, and the standard ones as typed flags. Values stay text here: the
 * experiment's own {@code OptionSpec}s parse and validate them, so every refusal names the option,
 * the value and what is accepted, whichever way it was given.
 */
final class ExperimentOptions {

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "Set an experiment option (repeatable); see them with: eq4j list --options")
    private Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--epochs", paramLabel = "N", description = "Same as -o epochs=N.")
    private String epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Same as -o seed=S.")
    private String seed;

    @Option(names = "--batch-size", paramLabel = "B", description = "Same as -o batch-size=B.")
    private String batchSize;

    /** Option name to text, the typed flags last (they win over the same name given with -o). */
    Map<String, String> overrides() {
        Map<String, String> out = new LinkedHashMap<>(options);
        put(out, StandardOptions.EPOCHS, epochs);
        put(out, StandardOptions.SEED, seed);
        put(out, StandardOptions.BATCH_SIZE, batchSize);
        return out;
    }

    private static void put(Map<String, String> out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }
}

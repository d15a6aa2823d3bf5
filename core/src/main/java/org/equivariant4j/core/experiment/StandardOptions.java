package org.equivariant4j.core.experiment;

/**
 * Names (and ready-made specs) of the options most experiments share, so tools can offer them as
 * typed flags ({@code eq4j run x --epochs 5 --seed 7}) and every experiment spells them the same
 * way. An experiment declares the ones it supports, with its own defaults; a flag for an option the
 * experiment does not declare is refused, listing the options it has.
 */
public final class StandardOptions {
    /** Passes over the training set. */
    public static final String EPOCHS = "epochs";
    /** Examples per optimisation step. */
    public static final String BATCH_SIZE = "batch-size";
    /** Seeds data generation, initialisation and shuffling: a run is reproduced by its config. */
    public static final String SEED = "seed";
    /** Number of generated training examples. */
    public static final String TRAIN_SIZE = "train-size";
    /** Number of generated test examples. */
    public static final String TEST_SIZE = "test-size";

    private StandardOptions() {
    }

    public static OptionSpec epochs(int defaultValue) {
        return OptionSpec.ofInt(EPOCHS, defaultValue, "passes over the training set", 1, 100_000);
    }

    public static OptionSpec batchSize(int defaultValue) {
        return OptionSpec.ofInt(BATCH_SIZE, defaultValue, "examples per optimisation step", 1, 1_000_000);
    }

    public static OptionSpec seed(int defaultValue) {
        return OptionSpec.ofInt(SEED, defaultValue, "seeds data, initialisation and shuffling", Integer.MIN_VALUE,
                Integer.MAX_VALUE);
    }

    public static OptionSpec trainSize(int defaultValue) {
        return OptionSpec.ofInt(TRAIN_SIZE, defaultValue, "generated training examples", 1, 10_000_000);
    }

    public static OptionSpec testSize(int defaultValue) {
        return OptionSpec.ofInt(TEST_SIZE, defaultValue, "generated test examples", 1, 10_000_000);
    }
}

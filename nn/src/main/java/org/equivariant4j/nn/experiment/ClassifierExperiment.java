package org.equivariant4j.nn.experiment;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * The template of an experiment that trains several classifiers side by side on generated data and tests them on
 * named sets ({@link ClassifierSet}, {@link ClassifierRun}). It declares the options every such experiment has, in
 * the same order and with the same ranges (epochs, batch size, seed, training and test set sizes, each with the
 * experiment's defaults), ahead of the experiment's own; and it seeds the one random stream from {@code --seed}
 * that the experiment draws its data and initial weights from, so the same config gives the same run.
 *
 * <p>A subclass supplies its own options ({@link #experimentOptions()}) and builds data, classifiers and run in
 * {@link #prepare}; its result table stays its own.
 */
public abstract class ClassifierExperiment implements Experiment {

    /**
     * Defaults of the shared options; the seed defaults to 1 for all of them.
     *
     * @param epochs passes over the training set
     * @param batchSize examples per optimisation step
     * @param trainSize generated training examples
     * @param testSize generated test examples (per test set)
     */
    public record Defaults(int epochs, int batchSize, int trainSize, int testSize) {
    }

    private static final int DEFAULT_SEED = 1;

    private final String id;
    private final String description;
    private final Defaults defaults;

    protected ClassifierExperiment(String id, String description, Defaults defaults) {
        this.id = id;
        this.description = description;
        this.defaults = defaults;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    /** The shared options with this experiment's defaults, then {@link #experimentOptions()}. */
    @Override
    public final List<OptionSpec> options() {
        List<OptionSpec> all = new ArrayList<>(List.of(StandardOptions.epochs(defaults.epochs()),
                StandardOptions.batchSize(defaults.batchSize()), StandardOptions.seed(DEFAULT_SEED),
                StandardOptions.trainSize(defaults.trainSize()), StandardOptions.testSize(defaults.testSize())));
        all.addAll(experimentOptions());
        return List.copyOf(all);
    }

    @Override
    public final ExperimentRun start(ExperimentConfig config) {
        return prepare(config, new Rng(config.intValue(StandardOptions.SEED)));
    }

    /** The options of this experiment beyond the shared ones, in the order listings show them. */
    protected abstract List<OptionSpec> experimentOptions();

    /**
     * Generates the data and builds the classifiers and the run for {@code config}, drawing every random choice from
     * {@code rng} (seeded by {@code --seed}); invalid option combinations are refused here.
     */
    protected abstract ClassifierRun prepare(ExperimentConfig config, Rng rng);

    /** The classifiers' set on {@code train}: shuffled by {@code --seed}, in batches of {@code --batch-size}. */
    protected static ClassifierSet classifiers(ExperimentConfig config, TensorDataset train) {
        return new ClassifierSet(config.intValue(StandardOptions.SEED), config.intValue(StandardOptions.BATCH_SIZE), train);
    }

    /** The {@code lr} option when one Adam learning rate trains every model. */
    protected static OptionSpec learningRate(double defaultValue) {
        return OptionSpec.ofDouble("lr", defaultValue, "Adam learning rate of every model", 1e-6, 1.0);
    }
}

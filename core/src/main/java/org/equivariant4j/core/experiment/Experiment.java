package org.equivariant4j.core.experiment;

import java.util.List;

/**
 * A reproducible training experiment a plugin contributes (see
 * {@link org.equivariant4j.core.spi.Plugin#experiments()}): it generates its own dataset, builds its
 * model(s), trains epoch by epoch and reports metrics and a final result table. Tools run any
 * experiment the same way ({@code eq4j run <id>}):
 * <pre>{@code
 * ExperimentConfig config = ExperimentConfig.resolve(experiment, Map.of("epochs", "3"));
 * ExperimentRun run = experiment.start(config);          // data generated, model initialised
 * for (int epoch = 0; epoch < config.intValue("epochs"); epoch++) {
 *     EpochTraining t = run.trainEpoch(epoch, step -> show(step), () -> stopRequested);
 *     Map<String, Double> metrics = run.evaluate();
 *     save(run.model().stateDict());                      // checkpoint
 * }
 * ResultTable table = run.results();
 * }</pre>
 *
 * <p>Implementations are cheap to construct (listing experiments builds nothing); all data
 * generation and model building happens in {@link #start}.
 */
public interface Experiment {

    /** Unique across all plugins, lower case with '-', e.g. {@code "two-spirals"}. */
    String id();

    /** One line for listings: what is trained on what, and what the result shows. */
    String description();

    /**
     * Every option with its default. Use the {@link StandardOptions} for epochs, batch size, seed
     * and data sizes so tools can offer them as typed flags.
     */
    List<OptionSpec> options();

    /**
     * Generates the dataset and builds and initialises the model(s) for {@code config}, everything
     * seeded from it: the same config gives the same run.
     */
    ExperimentRun start(ExperimentConfig config);
}

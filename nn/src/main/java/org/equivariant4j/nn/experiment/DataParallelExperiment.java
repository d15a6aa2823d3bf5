package org.equivariant4j.nn.experiment;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;

/**
 * An {@link Experiment} that can also be trained data-parallel, e.g. on Apache Spark
 * ({@code equivariant4j-distributed-spark}, {@code eq4j run <id> --spark local[2]}). The driver starts the same run
 * as {@link #start(ExperimentConfig)}, but its epochs are trained by a host's trainer; the workers rebuild the model
 * and their share of the data from the config ({@link #replica}).
 *
 * <p>For the data-parallel result to equal the single-process one (a batch of {@code P b} examples on one machine
 * against {@code b} on each of {@code P} workers), the loss must be a mean over examples and nothing in the model
 * may depend on the batch as a whole (batch normalisation would see {@code b} examples, not {@code P b}).
 */
public interface DataParallelExperiment extends Experiment {

    /**
     * Starts the run of {@code config} on the driver, as {@link #start(ExperimentConfig)} does, but with the epochs
     * trained by the trainer {@code training} makes for the run's model and optimiser. Evaluation, the result table
     * and the training state of checkpoints stay the run's own.
     */
    ExperimentRun start(ExperimentConfig config, DataParallelTraining training);

    /**
     * A worker's replica for partition {@code partition} of {@code partitions}: the model of {@code config} (its
     * initial values do not matter) and the training examples the partition owns (see {@link TrainingReplica}).
     */
    TrainingReplica replica(ExperimentConfig config, int partition, int partitions);
}

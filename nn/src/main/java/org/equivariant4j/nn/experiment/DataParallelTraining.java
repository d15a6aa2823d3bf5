package org.equivariant4j.nn.experiment;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.nn.optim.Optimizer;

/**
 * The host's side of {@link DataParallelExperiment#start(org.equivariant4j.core.experiment.ExperimentConfig,
 * DataParallelTraining)}: makes the trainer that trains a run's model on many workers. Each worker holds a
 * {@link TrainingReplica}; per step the driver's parameters go to the workers, each computes the gradient of its
 * share of the batch, the gradients are summed (weighted by examples, so the result is the gradient of the whole
 * batch's mean loss) and {@code optimizer} applies it on the driver.
 */
@FunctionalInterface
public interface DataParallelTraining {

    /**
     * The trainer of {@code model} (the driver's, whose parameters are the truth).
     *
     * @param optimizer        the driver's optimiser over {@code model}'s parameters
     * @param trainingExamples size of the training set: examples {@code 0..n-1}, shared among the workers'
     *                         partitions (see {@link TrainingReplica})
     * @param batchSize        examples per step over all workers
     * @param seed             seeds the per-epoch order of each partition's examples
     * @param lossName         what the loss is called in the run's progress and metrics (e.g. {@code "mse"}: each step
     *                         reports {@code mse}, each epoch {@code train_mse}), as its local trainer names it
     */
    EpochTrainer trainer(Module model, Optimizer optimizer, int trainingExamples, int batchSize, long seed, String lossName);
}

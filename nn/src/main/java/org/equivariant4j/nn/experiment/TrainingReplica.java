package org.equivariant4j.nn.experiment;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.optim.Optimizer;

/**
 * One data-parallel worker's copy of an experiment ({@link DataParallelExperiment#replica}): a model of the run's
 * architecture, whose parameters the trainer overwrites with the driver's before every use, and the training
 * examples of its partition. Partition {@code p} of {@code P} owns the examples {@code i} with
 * {@code i mod P == p}; a replica may hold only those (generated from the seed and the partition, or read from its
 * part of a dataset).
 *
 * <p>Built in the worker's JVM and on its thread, from the config alone: nothing of the engine travels between
 * machines. Not thread-safe; the trainer uses a replica from one thread at a time.
 */
public interface TrainingReplica {

    /** The replica's model. */
    Module model();

    /**
     * The training loss of {@code examples} (indices into the whole training set, all owned by this partition): the
     * mean over them, as the run's local loss of a batch, with its graph for {@code backward()}.
     *
     * @param rng for any randomness of the loss (dropout, augmentation): seeded by the trainer from the seed, epoch,
     *            step and partition, so a retried task computes the same gradient
     */
    Tensor loss(int[] examples, Rng rng);

    /** A new optimiser of the run's kind over {@link #model()}'s parameters (local SGD's workers step with it). */
    Optimizer optimizer();
}

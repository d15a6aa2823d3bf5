package org.equivariant4j.nn.experiment;

import java.util.function.BooleanSupplier;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.nn.optim.Optimizer;

/**
 * What trains a run's model one epoch at a time: the run's own local loop, or a data-parallel trainer a host
 * supplies through {@link DataParallelTraining}. A run that keeps its training behind this interface reports the
 * same metrics, table and checkpoint whichever trainer drives it.
 */
public interface EpochTrainer {

    /**
     * Trains epoch {@code epoch} (0-based); the data order depends only on the seed and the epoch, so a resumed run
     * trains the epoch as the uninterrupted one would have.
     *
     * @return the epoch's training metrics and whether every step ran
     */
    EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop);

    /** The optimiser whose state dict a checkpoint saves and a resume restores. */
    Optimizer optimizer();

    /** Examples per optimisation step, over all workers. */
    int batchSize();

    /** Mean wall time of a training step so far, in milliseconds; NaN before the first. */
    double millisPerStep();
}

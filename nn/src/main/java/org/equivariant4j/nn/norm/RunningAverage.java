package org.equivariant4j.nn.norm;

import org.equivariant4j.core.error.Equivariant4jException;

/**
 * The weight a batch gets when it updates a running statistic, {@code running ← (1 - w) running + w batch}: a
 * fixed momentum, or 1/k for the k-th batch since a reset while averaging cumulatively. One per layer; shared by
 * the batch norms of {@code nn}.
 */
public final class RunningAverage {
    private final double momentum;
    private boolean cumulative;
    private long batchesSinceReset;

    /**
     * @param layer    named in the error
     * @param momentum in [0, 1] (PyTorch's default 0.1)
     */
    public RunningAverage(String layer, double momentum) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new Equivariant4jException(layer + ": expected a momentum in [0, 1] but was " + momentum);
        }
        this.momentum = momentum;
    }

    /** The fixed momentum. */
    public double momentum() {
        return momentum;
    }

    /** Starts counting batches again (the statistics were reset). */
    public void reset() {
        batchesSinceReset = 0;
    }

    /** See {@link RunningStatistics#averageCumulatively}. */
    public void cumulative(boolean on) {
        this.cumulative = on;
    }

    /** The weight of the next batch: the momentum, or 1/k for the k-th batch since the reset when cumulative. */
    public double nextWeight() {
        batchesSinceReset++;
        return cumulative ? 1.0 / batchesSinceReset : momentum;
    }
}

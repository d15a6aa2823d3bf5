package org.equivariant4j.nn.norm;

/**
 * A normalisation layer that keeps running statistics for evaluation mode ({@link BatchNorm},
 * {@code EquivariantBatchNorm}), so that {@link BatchNormStatistics#reestimate} can recompute them from data at the
 * model's current weights.
 */
public interface RunningStatistics {

    /** Running mean 0, running variance 1, nothing tracked: a fresh layer's statistics. */
    void resetRunningStatistics();

    /**
     * While on, each training batch moves the running statistics to the plain average of every batch since the last
     * {@link #resetRunningStatistics()} (PyTorch's {@code momentum=None}); while off (the default), by the layer's
     * momentum.
     */
    void averageCumulatively(boolean on);
}

package org.equivariant4j.fields.enf.baseline;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * How the grid baseline is built and trained: a {@link GridStepper} of {@code layers} 3 x 3 convolutions with
 * {@code hidden} channels, trained with Adam on the frame pairs (t, t + 1) of the first {@code horizon} frames of the
 * training trajectories (the frames the ENF models are trained on; later frames are extrapolation).
 */
public record GridBaselineSettings(int hidden, int layers, int epochs, int batchSize, double learningRate, int horizon,
        long seed) {

    public GridBaselineSettings {
        if (hidden < 1 || layers < 2 || epochs < 1 || batchSize < 1 || !(learningRate > 0) || horizon < 2) {
            throw new InvalidArgumentException("GridBaselineSettings: need hidden >= 1, layers >= 2, epochs >= 1, batch >= 1,"
                    + " learning rate > 0 and horizon >= 2, got " + this);
        }
    }

    /** 32 hidden channels, 4 layers, 40 epochs of batch 16 at 1e-3, horizon 10. */
    public static GridBaselineSettings defaults(long seed) {
        return new GridBaselineSettings(32, 4, 40, 16, 1e-3, 10, seed);
    }

    /** 16 hidden channels, 3 layers, 20 epochs: for tests and toy experiments. */
    public static GridBaselineSettings toy(long seed) {
        return new GridBaselineSettings(16, 3, 20, 16, 2e-3, 10, seed);
    }

    /** The same settings with another number of epochs. */
    public GridBaselineSettings withEpochs(int value) {
        return new GridBaselineSettings(hidden, layers, value, batchSize, learningRate, horizon, seed);
    }
}

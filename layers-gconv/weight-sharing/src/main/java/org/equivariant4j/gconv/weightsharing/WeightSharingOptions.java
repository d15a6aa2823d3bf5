package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * Settings shared by the weight-sharing layers.
 *
 * @param iterations  Sinkhorn iterations (the paper: 20)
 * @param temperature Sinkhorn temperature; the scores are divided by it (the paper: 1)
 * @param fixIdentity the first of the |G| matrices is the identity, not learned (the paper's rotated-MNIST setting):
 *                    the canonical kernel itself is then one of the |G| kernels, and only |G| - 1 matrices are learned
 * @param bias        one learned bias per output field, shared by its |G| group channels
 * @param scoreScale  the scores start uniform in {@code [0, scoreScale)} (the paper's "rand": 1); with temperature τ
 *                    the start is as far from the uniform matrix as {@code scoreScale / τ} makes it
 */
public record WeightSharingOptions(int iterations, double temperature, boolean fixIdentity, boolean bias, double scoreScale) {

    public WeightSharingOptions {
        new Sinkhorn(iterations, temperature); // validates both, with its messages
        if (!(scoreScale > 0) || Double.isInfinite(scoreScale)) {
            throw new InvalidArgumentException("WeightSharingOptions: scoreScale must be finite and > 0, got " + scoreScale);
        }
    }

    /** 20 iterations, temperature 1, first matrix fixed to the identity, with bias, scores uniform in [0, 1). */
    public static WeightSharingOptions defaults() {
        return new WeightSharingOptions(20, 1.0, true, true, 1.0);
    }

    public WeightSharingOptions withIterations(int value) {
        return new WeightSharingOptions(value, temperature, fixIdentity, bias, scoreScale);
    }

    public WeightSharingOptions withTemperature(double value) {
        return new WeightSharingOptions(iterations, value, fixIdentity, bias, scoreScale);
    }

    public WeightSharingOptions withFixIdentity(boolean value) {
        return new WeightSharingOptions(iterations, temperature, value, bias, scoreScale);
    }

    public WeightSharingOptions withBias(boolean value) {
        return new WeightSharingOptions(iterations, temperature, fixIdentity, value, scoreScale);
    }

    public WeightSharingOptions withScoreScale(double value) {
        return new WeightSharingOptions(iterations, temperature, fixIdentity, bias, value);
    }
}

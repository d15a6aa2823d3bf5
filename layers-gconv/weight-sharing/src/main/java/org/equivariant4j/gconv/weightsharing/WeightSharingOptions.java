package org.equivariant4j.gconv.weightsharing;

/**
 * Settings shared by the weight-sharing layers.
 *
 * @param iterations  Sinkhorn iterations (the paper: 20)
 * @param temperature Sinkhorn temperature; the scores are divided by it (the paper: 1)
 * @param fixIdentity the first of the |G| matrices is the identity, not learned (the paper's rotated-MNIST setting):
 *                    the canonical kernel itself is then one of the |G| kernels, and only |G| - 1 matrices are learned
 * @param bias        one learned bias per output field, shared by its |G| group channels
 */
public record WeightSharingOptions(int iterations, double temperature, boolean fixIdentity, boolean bias) {

    public WeightSharingOptions {
        new Sinkhorn(iterations, temperature); // validates both, with its messages
    }

    /** 20 iterations, temperature 1, first matrix fixed to the identity, with bias. */
    public static WeightSharingOptions defaults() {
        return new WeightSharingOptions(20, 1.0, true, true);
    }

    public WeightSharingOptions withIterations(int value) {
        return new WeightSharingOptions(value, temperature, fixIdentity, bias);
    }

    public WeightSharingOptions withTemperature(double value) {
        return new WeightSharingOptions(iterations, value, fixIdentity, bias);
    }

    public WeightSharingOptions withFixIdentity(boolean value) {
        return new WeightSharingOptions(iterations, temperature, value, bias);
    }

    public WeightSharingOptions withBias(boolean value) {
        return new WeightSharingOptions(iterations, temperature, fixIdentity, value);
    }
}

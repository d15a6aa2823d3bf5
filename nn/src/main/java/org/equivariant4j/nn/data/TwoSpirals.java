package org.equivariant4j.nn.data;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The two-spirals problem (Lang and Witbrock 1988): two interleaved spirals in the plane, one per
 * class, a classic test that a network learns a highly non-linear decision boundary. Point
 * {@code i} of {@code n} in class {@code c} sits at radius {@code r = (i + 0.5) / n} and angle
 * {@code 2 pi turns r + pi c}, plus Gaussian noise; coordinates lie roughly in [-1, 1].
 * Features are FLOAT32 {@code [2n, 2]}, labels INT64 {@code [2n]} (class 0 first).
 */
public final class TwoSpirals {

    private TwoSpirals() {
    }

    /** Two spirals of 1.5 turns each. */
    public static TensorDataset generate(int pointsPerClass, double noise, Rng rng) {
        return generate(pointsPerClass, 1.5, noise, rng);
    }

    /**
     * @param pointsPerClass points on each spiral
     * @param turns          full turns of each spiral (more is harder)
     * @param noise          standard deviation of the Gaussian noise added to each coordinate
     * @param rng            the noise source
     */
    public static TensorDataset generate(int pointsPerClass, double turns, double noise, Rng rng) {
        if (pointsPerClass <= 0 || !(turns > 0) || !(noise >= 0)) {
            throw new InvalidArgumentException("TwoSpirals: need pointsPerClass > 0, turns > 0, noise >= 0, got "
                    + pointsPerClass + ", " + turns + ", " + noise);
        }
        int n = pointsPerClass;
        float[] xy = new float[4 * n];
        long[] labels = new long[2 * n];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < n; i++) {
                double r = (i + 0.5) / n;
                double angle = 2 * Math.PI * turns * r + Math.PI * c;
                int k = c * n + i;
                xy[2 * k] = (float) (r * Math.cos(angle) + noise * rng.nextGaussian());
                xy[2 * k + 1] = (float) (r * Math.sin(angle) + noise * rng.nextGaussian());
                labels[k] = c;
            }
        }
        return new TensorDataset(Tensors.of(xy, 2 * n, 2), Tensors.of(labels, 2 * n));
    }
}

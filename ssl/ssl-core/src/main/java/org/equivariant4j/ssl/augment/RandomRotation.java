package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Rotates each image about its centre by an angle uniform in {@code [-maxDegrees, maxDegrees]} (bilinear; corners
 * that come from outside read zeros). The rotation is one of the pixel grid, so non-square images are rotated without
 * shear. 0 degrees is the identity.
 */
public final class RandomRotation implements Augmentation {
    private final double maxDegrees;

    public RandomRotation(double maxDegrees) {
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new InvalidArgumentException("RandomRotation: expected maxDegrees in [0, 180] but was " + maxDegrees);
        }
        this.maxDegrees = maxDegrees;
    }

    @Override
    public Tensor apply(Tensor images, Rng rng) {
        Images.requireBatch(toString(), images);
        int n = images.size(0);
        double aspect = (double) images.size(2) / images.size(3);
        double[][] thetas = new double[n][];
        for (int k = 0; k < n; k++) {
            double angle = Math.toRadians(Images.uniform(rng, -maxDegrees, maxDegrees));
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            // Rotation in pixel units, conjugated into normalised coordinates (x scaled by W/2, y by H/2).
            thetas[k] = new double[] {c, -s * aspect, 0, s / aspect, c, 0};
        }
        return AffineSampling.warp(images, thetas);
    }

    @Override
    public String toString() {
        return "RandomRotation(±" + maxDegrees + "°)";
    }
}

package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Crops a random rectangle of each image and resizes it back to the full size (bilinear), as torchvision's
 * {@code RandomResizedCrop}: the crop covers a fraction in {@code [minScale, maxScale]} of the image's area with an
 * aspect ratio (width / height) log-uniform in {@code [1 / maxRatio, maxRatio]}, clipped to the image, at a uniform
 * position inside it. Scale 1 and ratio 1 is the identity.
 */
public final class RandomResizedCrop implements Augmentation {
    private final double minScale;
    private final double maxScale;
    private final double maxRatio;

    public RandomResizedCrop(double minScale, double maxScale, double maxRatio) {
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new InvalidArgumentException("RandomResizedCrop: expected 0 < minScale <= maxScale <= 1 but was [" + minScale
                    + ", " + maxScale + "]");
        }
        if (!(maxRatio >= 1)) {
            throw new InvalidArgumentException("RandomResizedCrop: expected maxRatio >= 1 but was " + maxRatio);
        }
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.maxRatio = maxRatio;
    }

    @Override
    public Tensor apply(Tensor images, Rng rng) {
        Images.requireBatch(toString(), images);
        int n = images.size(0);
        double[][] thetas = new double[n][];
        double logRatio = Math.log(maxRatio);
        for (int k = 0; k < n; k++) {
            double area = Images.uniform(rng, minScale, maxScale);
            double ratio = Math.exp(Images.uniform(rng, -logRatio, logRatio));
            // Width and height as fractions of the image's sides.
            double fw = Math.min(1, Math.sqrt(area * ratio));
            double fh = Math.min(1, Math.sqrt(area / ratio));
            double cx = Images.uniform(rng, -(1 - fw), 1 - fw);
            double cy = Images.uniform(rng, -(1 - fh), 1 - fh);
            thetas[k] = new double[] {fw, 0, cx, 0, fh, cy};
        }
        return AffineSampling.warp(images, thetas);
    }

    @Override
    public String toString() {
        return "RandomResizedCrop(scale [" + minScale + ", " + maxScale + "], ratio <= " + maxRatio + ")";
    }
}

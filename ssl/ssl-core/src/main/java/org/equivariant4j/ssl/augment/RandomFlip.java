package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/** Mirrors each image left-right with probability {@code p}; exact (no resampling). */
public final class RandomFlip implements Augmentation {
    private final double p;

    public RandomFlip(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new InvalidArgumentException("RandomFlip: expected a probability in [0, 1] but was " + p);
        }
        this.p = p;
    }

    @Override
    public Tensor apply(Tensor images, Rng rng) {
        Images.requireBatch(toString(), images);
        int n = images.size(0);
        double[] flip = new double[n];
        double[] keep = new double[n];
        for (int k = 0; k < n; k++) {
            flip[k] = rng.nextDouble() < p ? 1 : 0;
            keep[k] = 1 - flip[k];
        }
        // A 0/1 mix per image: exact, and one pass over the batch instead of a gather per image.
        return images.flip(3).mul(Images.perImage(flip, images)).add(images.mul(Images.perImage(keep, images)));
    }

    @Override
    public String toString() {
        return "RandomFlip(p " + p + ")";
    }
}

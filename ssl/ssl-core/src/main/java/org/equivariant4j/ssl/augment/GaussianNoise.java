package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/** Adds independent Gaussian noise of deviation {@code sigma} to every pixel. */
public final class GaussianNoise implements Augmentation {
    private final double sigma;

    public GaussianNoise(double sigma) {
        if (!(sigma >= 0)) {
            throw new InvalidArgumentException("GaussianNoise: expected sigma >= 0 but was " + sigma);
        }
        this.sigma = sigma;
    }

    @Override
    public Tensor apply(Tensor images, Rng rng) {
        Images.requireBatch(toString(), images);
        return images.add(Tensors.randn(rng, images.dtype(), images.shape()).mul(sigma));
    }

    @Override
    public String toString() {
        return "GaussianNoise(sigma " + sigma + ")";
    }
}

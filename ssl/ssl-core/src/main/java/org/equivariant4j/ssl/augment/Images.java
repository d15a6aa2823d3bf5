package org.equivariant4j.ssl.augment;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/** Checks and per-image factors shared by the augmentations (package-private). */
final class Images {
    private Images() {
    }

    /** Refuses anything but a batch of images {@code [N, C, H, W]}, naming the transform. */
    static void requireBatch(String transform, Tensor images) {
        if (images.rank() != 4 || images.size(0) == 0) {
            throw new ShapeMismatchException(transform + ": expected a non-empty batch of images [N, C, H, W] but was "
                    + Arrays.toString(images.shape()));
        }
    }

    /**
     * Uniform in [low, high], also for an empty range; always one draw, so the stream's position does not depend on
     * the transform's settings.
     */
    static double uniform(Rng rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /** One value per image as {@code [N, 1, 1, 1]} in the images' dtype, for broadcasting. */
    static Tensor perImage(double[] values, Tensor like) {
        return Tensors.of(values, like.dtype(), values.length, 1, 1, 1);
    }
}

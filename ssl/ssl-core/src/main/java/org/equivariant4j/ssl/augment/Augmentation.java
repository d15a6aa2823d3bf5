package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/**
 * One random image transform applied to a batch {@code [N, C, H, W]}: each image gets its own parameters, drawn from
 * {@code rng} in image order, so a transform is a function of (images, rng state). The output has the input's shape
 * and dtype.
 */
@FunctionalInterface
public interface Augmentation {

    Tensor apply(Tensor images, Rng rng);
}

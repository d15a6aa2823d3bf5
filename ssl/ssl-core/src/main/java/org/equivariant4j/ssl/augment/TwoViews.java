package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.tensor.Tensor;

/** Two independently augmented views of the same batch of images, row k of each from image k. */
public record TwoViews(Tensor first, Tensor second) {
}

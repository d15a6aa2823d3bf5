package org.equivariant4j.nn.init;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Draws the initial value of a parameter. The fan is passed explicitly rather than derived from
 * the shape because a bias ({@code [out]}) is initialised from the fan of its weight, as PyTorch does.
 */
@FunctionalInterface
public interface Initializer {

    /** A new tensor of {@code shape} and {@code dtype} drawn from {@code rng}, scaled for {@code fan}. */
    Tensor sample(int[] shape, Fan fan, DType dtype, Rng rng);
}

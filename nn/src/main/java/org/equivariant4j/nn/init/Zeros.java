package org.equivariant4j.nn.init;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/** All zeros, the usual bias initialisation next to a Kaiming or Xavier weight. Draws nothing from the {@link Rng}. */
public record Zeros() implements Initializer {

    @Override
    public Tensor sample(int[] shape, Fan fan, DType dtype, Rng rng) {
        return Tensors.zeros(dtype, shape);
    }
}

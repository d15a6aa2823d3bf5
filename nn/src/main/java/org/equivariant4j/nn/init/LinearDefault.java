package org.equivariant4j.nn.init;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * PyTorch's default for {@code nn.Linear} (and convolutions), weights and biases alike:
 * {@code U(-1/sqrt(fanIn), 1/sqrt(fanIn))}. For the weight this is what PyTorch writes as
 * {@code kaiming_uniform_(a=sqrt(5))}: gain {@code sqrt(2 / 6)} times {@code sqrt(3 / fanIn)}.
 * Kept so that models ported from PyTorch start from the same distribution.
 */
public record LinearDefault() implements Initializer {

    @Override
    public Tensor sample(int[] shape, Fan fan, DType dtype, Rng rng) {
        double bound = 1.0 / Math.sqrt(fan.in());
        return Tensors.uniform(rng, -bound, bound, dtype, shape);
    }
}

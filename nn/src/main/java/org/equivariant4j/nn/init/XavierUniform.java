package org.equivariant4j.nn.init;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Glorot (Xavier) uniform initialisation: {@code U(-b, b)} with
 * {@code b = gain * sqrt(6 / (fanIn + fanOut))}, a compromise between the forward and backward
 * scales for symmetric activations such as tanh (Glorot and Bengio 2010; PyTorch's {@code xavier_uniform_}).
 *
 * @param gain the nonlinearity's gain (see {@link Gain}); 1 by default
 */
public record XavierUniform(double gain) implements Initializer {

    public XavierUniform {
        if (!(gain > 0)) {
            throw new InvalidArgumentException("XavierUniform: gain must be positive, got " + gain);
        }
    }

    /** Gain 1, PyTorch's default. */
    public XavierUniform() {
        this(1.0);
    }

    @Override
    public Tensor sample(int[] shape, Fan fan, DType dtype, Rng rng) {
        double bound = gain * Math.sqrt(6.0 / (fan.in() + fan.out()));
        return Tensors.uniform(rng, -bound, bound, dtype, shape);
    }
}

package org.equivariant4j.nn.init;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Glorot (Xavier) normal initialisation: {@code N(0, std^2)} with
 * {@code std = gain * sqrt(2 / (fanIn + fanOut))} (PyTorch's {@code xavier_normal_}).
 *
 * @param gain the nonlinearity's gain (see {@link Gain}); 1 by default
 */
public record XavierNormal(double gain) implements Initializer {

    public XavierNormal {
        if (!(gain > 0)) {
            throw new InvalidArgumentException("XavierNormal: gain must be positive, got " + gain);
        }
    }

    /** Gain 1, PyTorch's default. */
    public XavierNormal() {
        this(1.0);
    }

    @Override
    public Tensor sample(int[] shape, Fan fan, DType dtype, Rng rng) {
        double std = gain * Math.sqrt(2.0 / (fan.in() + fan.out()));
        return Tensors.randn(rng, dtype, shape).mul(std);
    }
}

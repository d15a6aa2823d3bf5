package org.equivariant4j.nn.init;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * He (Kaiming) uniform initialisation: {@code U(-b, b)} with {@code b = gain * sqrt(3 / fan)}, so
 * that the variance {@code gain^2 / fan} keeps activations at a constant scale through ReLU layers
 * (He et al. 2015; PyTorch's {@code kaiming_uniform_}).
 *
 * @param gain the nonlinearity's gain (see {@link Gain}); {@code sqrt(2)} for ReLU
 * @param mode which fan to preserve
 */
public record KaimingUniform(double gain, FanMode mode) implements Initializer {

    public KaimingUniform {
        if (!(gain > 0)) {
            throw new InvalidArgumentException("KaimingUniform: gain must be positive, got " + gain);
        }
    }

    /** For ReLU layers, preserving the forward scale (PyTorch's defaults). */
    public KaimingUniform() {
        this(Gain.relu(), FanMode.FAN_IN);
    }

    @Override
    public Tensor sample(int[] shape, Fan fan, DType dtype, Rng rng) {
        double bound = gain * Math.sqrt(3.0 / fan.select(mode));
        return Tensors.uniform(rng, -bound, bound, dtype, shape);
    }
}

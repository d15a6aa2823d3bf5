package org.equivariant4j.nn.init;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * He (Kaiming) normal initialisation: {@code N(0, std^2)} with {@code std = gain / sqrt(fan)}
 * (PyTorch's {@code kaiming_normal_}).
 *
 * @param gain the nonlinearity's gain (see {@link Gain}); {@code sqrt(2)} for ReLU
 * @param mode which fan to preserve
 */
public record KaimingNormal(double gain, FanMode mode) implements Initializer {

    public KaimingNormal {
        if (!(gain > 0)) {
            throw new InvalidArgumentException("KaimingNormal: gain must be positive, got " + gain);
        }
    }

    /** For ReLU layers, preserving the forward scale (PyTorch's defaults). */
    public KaimingNormal() {
        this(Gain.relu(), FanMode.FAN_IN);
    }

    @Override
    public Tensor sample(int[] shape, Fan fan, DType dtype, Rng rng) {
        double std = gain / Math.sqrt(fan.select(mode));
        return Tensors.randn(rng, dtype, shape).mul(std);
    }
}

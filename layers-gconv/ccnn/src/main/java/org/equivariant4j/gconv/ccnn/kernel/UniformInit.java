package org.equivariant4j.gconv.ccnn.kernel;

import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.init.Initializer;

/** Uniform initialisers with the bounds the kernel-network papers prescribe. */
final class UniformInit {
    private UniformInit() {
    }

    /** U(-bound, bound) whatever the fan. */
    static Initializer within(double bound) {
        return (shape, fan, dtype, rng) -> Tensors.uniform(rng, -bound, bound, dtype, shape);
    }
}

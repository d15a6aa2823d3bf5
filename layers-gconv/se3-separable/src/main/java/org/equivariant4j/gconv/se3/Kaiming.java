package org.equivariant4j.gconv.se3;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/** He-normal initial weights for a given fan-in (ReLU networks), seeded. */
final class Kaiming {
    private Kaiming() {
    }

    static Tensor normal(Rng rng, double fanIn, int... shape) {
        return Tensors.randn(rng, shape).mul(Math.sqrt(2.0 / fanIn));
    }
}

package org.equivariant4j.nn.activation;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/** Gaussian error linear unit, exact form: {@code x * Phi(x)} with the standard normal CDF {@code Phi}. */
public final class GELU extends UnaryModule {

    @Override
    public Tensor forward(Tensor input) {
        return input.gelu();
    }

    @Override
    public String toString() {
        return "GELU";
    }
}

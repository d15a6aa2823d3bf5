package org.equivariant4j.nn.activation;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/** Hyperbolic tangent. */
public final class Tanh extends UnaryModule {

    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }

    @Override
    public String toString() {
        return "Tanh";
    }
}

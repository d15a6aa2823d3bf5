package org.equivariant4j.nn.activation;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/** Rectified linear unit: {@code max(x, 0)}. */
public final class ReLU extends UnaryModule {

    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }

    @Override
    public String toString() {
        return "ReLU";
    }
}

package org.equivariant4j.nn.activation;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/** Logistic sigmoid {@code 1 / (1 + exp(-x))}. */
public final class Sigmoid extends UnaryModule {

    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }

    @Override
    public String toString() {
        return "Sigmoid";
    }
}

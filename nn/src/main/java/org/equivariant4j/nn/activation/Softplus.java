package org.equivariant4j.nn.activation;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/** {@code log(1 + exp(x))}, a smooth ReLU, computed without overflow. */
public final class Softplus extends UnaryModule {

    @Override
    public Tensor forward(Tensor input) {
        return input.softplus();
    }

    @Override
    public String toString() {
        return "Softplus";
    }
}

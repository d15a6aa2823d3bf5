package org.equivariant4j.nn.activation;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/** Sigmoid linear unit (swish): {@code x * sigmoid(x)}. */
public final class SiLU extends UnaryModule {

    @Override
    public Tensor forward(Tensor input) {
        return input.silu();
    }

    @Override
    public String toString() {
        return "SiLU";
    }
}

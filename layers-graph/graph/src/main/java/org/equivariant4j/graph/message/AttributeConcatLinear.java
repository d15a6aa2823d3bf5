package org.equivariant4j.graph.message;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.init.Initializer;
import org.equivariant4j.nn.layer.Linear;

/**
 * The plain {@link MessageLinear}: {@code W [x, a] + b}, the attributes concatenated to the input ("weak"
 * conditioning), or a plain linear map {@code W x + b} when it takes none. This is what
 * {@link LinearFactory#standard()} makes; multiplicative conditioning lives in the conditioning module.
 * Initialised like PyTorch's {@code nn.Linear} over the concatenated fan-in.
 */
public final class AttributeConcatLinear extends MessageLinear {
    private final Linear linear;

    public AttributeConcatLinear(int in, int out, int attributes, boolean bias, Initializer weightInit, Rng rng) {
        super(in, out, attributes);
        Linear.Builder b = Linear.builder(in + attributes, out).bias(bias).rng(rng);
        if (weightInit != null) {
            b.weightInit(weightInit);
        }
        this.linear = registerModule("linear", b.build());
    }

    /** The underlying linear map on {@code [x, a]}. */
    public Linear linear() {
        return linear;
    }

    @Override
    public Tensor forward(Tensor input, Tensor attributes) {
        return linear.forward(linearInput(input, attributes));
    }

    /** The layer and its activation as one op where nn fuses them (ReLU, SiLU). */
    @Override
    public Tensor forwardThen(Tensor input, Tensor attributes, UnaryModule activation) {
        return linear.forwardThen(linearInput(input, attributes), activation);
    }

    private Tensor linearInput(Tensor input, Tensor attributes) {
        if (attributes() == 0) {
            return input;
        }
        if (attributes == null || attributes.rank() != 2 || attributes.size(1) != attributes()
                || attributes.size(0) != input.size(0)) {
            throw new ShapeMismatchException(this + ": expected attributes [" + input.size(0) + ", " + attributes() + "] but was "
                    + (attributes == null ? "null" : Arrays.toString(attributes.shape())));
        }
        return Tensors.concat(1, input, attributes);
    }

    @Override
    public String toString() {
        return "AttributeConcatLinear(" + inFeatures() + (attributes() > 0 ? " + " + attributes() + " attributes" : "") + " -> "
                + outFeatures() + ")";
    }
}

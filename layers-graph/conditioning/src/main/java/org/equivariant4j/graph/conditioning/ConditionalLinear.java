package org.equivariant4j.graph.conditioning;

import java.util.Arrays;
import java.util.Objects;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.message.ConditionedLinear;
import org.equivariant4j.nn.init.Initializer;
import org.equivariant4j.nn.layer.Linear;

/**
 * A linear piece of a message function conditioned on per-row attributes, in one of the three
 * {@link ConditioningMode}s. Each mode is one or two dense matrix products over all rows:
 * <ul>
 *   <li>weak: {@code W [x, a] + b};</li>
 *   <li>strong: {@code (W x + b) ⊙ (U a + c)};</li>
 *   <li>pure: {@code W (x ⊗ a) + b}, the outer product flattened to {@code [rows, in·A]}, which is the
 *       bilinear form {@code x^T W_k a} of every output channel k.</li>
 * </ul>
 * Initialised like PyTorch's linear layers over each product's fan-in; a requested weight initialiser
 * applies to {@code W}. With invariant attributes (charges, distances, cell volumes) the piece maps
 * invariant inputs to invariant outputs, so it keeps a message function's equivariance.
 */
public final class ConditionalLinear extends ConditionedLinear {
    private final ConditioningMode mode;
    private final Linear main;
    private final Linear gate;

    /** A piece {@code in -> out} conditioned on {@code attributes} (at least 1) columns. */
    public ConditionalLinear(ConditioningMode mode, int in, int out, int attributes, boolean bias, Initializer weightInit,
            Rng rng) {
        super(in, out, attributes);
        this.mode = Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rng, "ConditionalLinear: an Rng is required");
        if (attributes < 1) {
            throw new IllegalArgumentException("ConditionalLinear(" + mode + "): needs at least one attribute column, got "
                    + attributes);
        }
        int fanIn = switch (mode) {
            case WEAK -> in + attributes;
            case STRONG -> in;
            case PURE -> in * attributes;
        };
        Linear.Builder b = Linear.builder(fanIn, out).bias(bias).rng(rng);
        if (weightInit != null) {
            b.weightInit(weightInit);
        }
        this.main = registerModule("linear", b.build());
        this.gate = mode == ConditioningMode.STRONG
                ? registerModule("gate", Linear.builder(attributes, out).rng(rng).build())
                : null;
    }

    public ConditioningMode mode() {
        return mode;
    }

    @Override
    public Tensor forward(Tensor input, Tensor attributes) {
        if (input.rank() != 2 || input.size(1) != inFeatures()) {
            throw new ShapeMismatchException(this + ": expected input [rows, " + inFeatures() + "] but was "
                    + Arrays.toString(input.shape()));
        }
        if (attributes == null || attributes.rank() != 2 || attributes.size(1) != attributes()
                || attributes.size(0) != input.size(0)) {
            throw new ShapeMismatchException(this + ": expected attributes [" + input.size(0) + ", " + attributes() + "] but was "
                    + (attributes == null ? "null" : Arrays.toString(attributes.shape())));
        }
        return switch (mode) {
            case WEAK -> main.forward(Tensors.concat(1, input, attributes));
            case STRONG -> main.forward(input).mul(gate.forward(attributes));
            case PURE -> main.forward(input.unsqueeze(2).mul(attributes.unsqueeze(1))
                    .reshape(input.size(0), inFeatures() * attributes()));
        };
    }

    @Override
    public String toString() {
        return "ConditionalLinear(" + mode.name().toLowerCase(java.util.Locale.ROOT) + ", " + inFeatures() + " | "
                + attributes() + " attributes -> " + outFeatures() + ")";
    }
}

package org.equivariant4j.graph.message;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Tensor;

/**
 * The contract of one "linear" piece of a message function: {@code [rows, in] -> [rows, out]}, offered
 * per-row attributes {@code [rows, attributes]} (edge attributes for edge messages, node attributes for
 * node updates). {@link MessageMlp} is built from these pieces, one per layer, made by a {@link LinearFactory}.
 * Two kinds implement it: {@link AttributeConcatLinear}, the plain piece of this module (attributes
 * concatenated to the input, or none), and the conditioning module's {@code ModeConditionedLinear}
 * (attributes that gate or select the map: weak, strong or pure conditioning).
 */
public abstract class MessageLinear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final int attributes;

    protected MessageLinear(int inFeatures, int outFeatures, int attributes) {
        if (inFeatures <= 0 || outFeatures <= 0 || attributes < 0) {
            throw new InvalidArgumentException(getClass().getSimpleName() + ": need in, out > 0 and attributes >= 0, got "
                    + inFeatures + ", " + outFeatures + ", " + attributes);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.attributes = attributes;
    }

    public final int inFeatures() {
        return inFeatures;
    }

    public final int outFeatures() {
        return outFeatures;
    }

    /** How many attribute columns {@link #forward} expects (0: it takes none, pass null). */
    public final int attributes() {
        return attributes;
    }

    /** {@code input [rows, in]}, {@code attributes [rows, attributes()]} (or null when there are none) to {@code [rows, out]}. */
    public abstract Tensor forward(Tensor input, Tensor attributes);

    /**
     * {@code activation.forward(forward(input, attributes))}: what {@link MessageMlp} runs for every piece followed by
     * an activation. A piece that wraps an nn {@code Linear} overrides it to run the pair as one fused op
     * ({@code Linear.forwardThen}).
     */
    public Tensor forwardThen(Tensor input, Tensor attributes, UnaryModule activation) {
        return activation.forward(forward(input, attributes));
    }
}

package org.equivariant4j.graph.message;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Tensor;

/**
 * One "linear" piece of a message function: {@code [rows, in] -> [rows, out]}, optionally conditioned on
 * per-row attributes {@code [rows, attributes]} (edge attributes for edge messages, node attributes for
 * node updates). The plain piece concatenates the attributes to its input or ignores them; conditioning
 * modules plug in gating or attribute-dependent (bilinear) maps through a {@link LinearFactory}.
 */
public abstract class ConditionedLinear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final int attributes;

    protected ConditionedLinear(int inFeatures, int outFeatures, int attributes) {
        if (inFeatures <= 0 || outFeatures <= 0 || attributes < 0) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": need in, out > 0 and attributes >= 0, got "
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
}

package org.equivariant4j.fields.enf.field;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.norm.LayerNorm;

/**
 * The attention's position-wise feed-forward block over the last dimension: Linear, GELU, LayerNorm, Linear (the
 * normalisation between the two layers keeps the value modulation of {@link EquivariantCrossAttentionField} in range
 * whatever the scale of the bi-invariant embedding).
 */
public final class PointwiseFeedForward extends UnaryModule {
    private final Linear first;
    private final LayerNorm norm;
    private final Linear second;

    public PointwiseFeedForward(int in, int hidden, int out, Rng rng) {
        this.first = registerModule("first", new Linear(in, hidden, rng));
        this.norm = registerModule("norm", new LayerNorm(hidden));
        this.second = registerModule("second", new Linear(hidden, out, rng));
    }

    @Override
    public Tensor forward(Tensor input) {
        return second.forward(norm.forward(first.forward(input).gelu()));
    }

    @Override
    public String toString() {
        return "PointwiseFeedForward(" + first.inFeatures() + " -> " + first.outFeatures() + " -> " + second.outFeatures()
                + ")";
    }
}

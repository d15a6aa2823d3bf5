package org.equivariant4j.graph.message;

import java.util.Objects;
import java.util.function.Supplier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.activation.SiLU;
import org.equivariant4j.nn.init.XavierUniform;

/**
 * The E(n)-equivariant position update of EGNN-style layers (EGNN, EMPCN):
 * <pre>
 *   x_i' = x_i + C · agg_j (x_i − x_j) φ_x(m_ij)
 * </pre>
 * with φ_x the coordinate MLP built here (last layer without bias, Xavier-uniform gain 0.001, as in the
 * reference), optional normalisation of x_i − x_j by {@code |x_i − x_j| + 1}, optional {@code range · tanh}
 * on the weight, each translation clamped to ±{@code clamp}, and a mean (default) or sum over the senders.
 * Positions move only along differences of positions, scaled by invariants, hence the equivariance.
 *
 * <p>It is not a module itself: the owning layer registers {@link #mlp()} under its own name, so the
 * parameter names (and checkpoints) of the layers that share this piece stay what they were.
 */
public final class CoordinateUpdate {
    private final MessageMlp mlp;
    private final boolean normalizeDifferences;
    private final double tanhRange;
    private final double weight;
    private final double clamp;
    private final Aggregation aggregation;

    private CoordinateUpdate(Builder b) {
        this.mlp = MessageMlp.builder(LinearSlot.Role.COORDINATE, b.factory, b.hidden, b.hidden, 1)
                .attributes(b.attributes).activation(b.activation).lastBias(false)
                .lastInit(new XavierUniform(0.001)).rng(b.rng).build();
        this.normalizeDifferences = b.normalizeDifferences;
        this.tanhRange = b.tanhRange;
        this.weight = b.weight;
        this.clamp = b.clamp;
        this.aggregation = b.aggregation;
    }

    /** An update whose φ_x reads {@code hidden}-channel messages, pieces made by {@code factory}. */
    public static Builder builder(LinearFactory factory, int hidden) {
        return new Builder(factory, hidden);
    }

    /** φ_x, for the owning layer to register (its parameters are trained with the layer's). */
    public MessageMlp mlp() {
        return mlp;
    }

    /**
     * The moved positions. {@code positions [N, n]}; {@code diff [E, n]} = x_receiver − x_sender and
     * {@code radial [E, 1]} = |diff|² (the layer has them already); {@code messages [E, hidden]};
     * {@code attributes [E, A]} or null as φ_x was built; {@code receivers [E]} the receiving node of each edge.
     */
    public Tensor apply(Tensor positions, Tensor diff, Tensor radial, Tensor messages, Tensor attributes,
            Tensor receivers) {
        Tensor direction = normalizeDifferences ? diff.div(radial.sqrt().add(1.0)) : diff;
        Tensor w = mlp.forward(messages, attributes);
        if (tanhRange > 0) {
            w = w.tanh().mul(tanhRange);
        }
        Tensor translation = direction.mul(w);
        if (clamp > 0) {
            translation = translation.clamp(-clamp, clamp);
        }
        int n = positions.size(0);
        Tensor moved = aggregation == Aggregation.MEAN ? translation.segmentMean(receivers, n)
                : translation.segmentSum(receivers, n);
        return positions.add(weight == 1.0 ? moved : moved.mul(weight));
    }

    /** Options; defaults: no attributes, SiLU, no normalisation, no tanh, C = 1, clamp ±100, mean. */
    public static final class Builder {
        private final LinearFactory factory;
        private final int hidden;
        private int attributes;
        private Supplier<? extends UnaryModule> activation = SiLU::new;
        private boolean normalizeDifferences;
        private double tanhRange;
        private double weight = 1.0;
        private double clamp = 100.0;
        private Aggregation aggregation = Aggregation.MEAN;
        private Rng rng;

        private Builder(LinearFactory factory, int hidden) {
            if (hidden <= 0) {
                throw new InvalidArgumentException("CoordinateUpdate: hidden channels must be positive, got " + hidden);
            }
            this.factory = Objects.requireNonNull(factory, "factory");
            this.hidden = hidden;
        }

        /** Attribute columns offered to φ_x (0: none). */
        public Builder attributes(int value) {
            this.attributes = value;
            return this;
        }

        public Builder activation(Supplier<? extends UnaryModule> value) {
            this.activation = Objects.requireNonNull(value, "activation");
            return this;
        }

        /** x_i − x_j divided by {@code |x_i − x_j| + 1} ({@code norm_diff} of the reference). */
        public Builder normalizeDifferences(boolean value) {
            this.normalizeDifferences = value;
            return this;
        }

        /** Weights {@code range · tanh(φ_x)} (0: off). */
        public Builder tanh(double range) {
            this.tanhRange = range;
            return this;
        }

        /** The factor C of the aggregated translation. */
        public Builder weight(double value) {
            this.weight = value;
            return this;
        }

        /** Each translation clamped to ±value (0: off). */
        public Builder clamp(double value) {
            this.clamp = value;
            return this;
        }

        public Builder aggregation(Aggregation value) {
            this.aggregation = Objects.requireNonNull(value, "aggregation");
            return this;
        }

        public Builder rng(Rng value) {
            this.rng = Objects.requireNonNull(value, "rng");
            return this;
        }

        public CoordinateUpdate build() {
            Objects.requireNonNull(rng, "CoordinateUpdate: an Rng is required");
            return new CoordinateUpdate(this);
        }
    }
}

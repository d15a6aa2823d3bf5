package org.equivariant4j.graph.egnn;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.graph.message.Aggregation;
import org.equivariant4j.graph.message.AttributeConcatLinear;
import org.equivariant4j.graph.message.MessageLinear;
import org.equivariant4j.graph.message.CoordinateUpdate;
import org.equivariant4j.graph.message.LinearFactory;
import org.equivariant4j.graph.message.LinearSlot;
import org.equivariant4j.graph.message.MessageMlp;
import org.equivariant4j.nn.activation.SiLU;

/**
 * The E(n)-equivariant graph convolution (EGCL) of Satorras, Hoogeboom and Welling (2021), on batched
 * graphs, with messages flowing sender j → receiver i:
 * <pre>
 *   m_ij  = φ_e(h_i, h_j, |x_i - x_j|², a_ij)              (times φ_inf(m_ij) with attention)
 *   x_i  += C · agg_j (x_i - x_j) φ_x(m_ij)                (mean by default; + φ_v(h_i) v_i in the velocity variant)
 *   h_i'  = φ_h(h_i, Σ_j m_ij)                             (+ h_i when residual)
 * </pre>
 * The whole layer is a handful of batched ops over all edges of all graphs: two gathers, the edge
 * MLP, the coordinate MLP, two segment reductions and the node MLP; no loop over graphs or edges.
 * Options follow the reference implementation: relative vectors normalised by {@code |x_i - x_j| + 1}
 * ({@code normalizeDifferences}), {@code tanh} on the coordinate weight scaled by a range, each
 * translation clamped to ±100, SiLU activations, and a last coordinate-MLP layer without bias
 * initialised by Xavier-uniform with gain 0.001. All MLPs are made by a {@link LinearFactory}, so
 * conditioned pieces plug in ({@code a_ij} are offered to the edge, coordinate and attention MLPs; the
 * standard factory uses them in the edge MLP only, as the reference does).
 *
 * <p>Node features are invariant scalars ({@link GraphFields#scalars}); positions (and velocities)
 * carry the E(n) action, so the layer is equivariant under any group acting on R^n by rigid motions.
 */
public final class EgnnLayer extends GraphLayer {
    private final int in;
    private final int hidden;
    private final int out;
    private final int edgeAttributes;
    private final MessageMlp edge;
    private final MessageMlp attention;
    private final CoordinateUpdate coordinate;
    private final MessageMlp velocity;
    private final MessageMlp node;
    private final boolean residual;
    private boolean nodeProjection = true;

    private EgnnLayer(Builder b) {
        super(GraphFields.scalars(b.group, b.in), GraphFields.scalars(b.group, b.out));
        if (b.residual && b.in != b.out) {
            throw new InvalidArgumentException("EgnnLayer: a residual layer needs in == out, got " + b.in + " -> " + b.out);
        }
        this.in = b.in;
        this.hidden = b.hidden;
        this.out = b.out;
        this.edgeAttributes = b.edgeAttributes;
        this.residual = b.residual;
        LinearFactory f = b.factory;
        Rng rng = b.rng;
        this.edge = registerModule("edge", MessageMlp.builder(LinearSlot.Role.EDGE, f, 2 * in + 1, hidden, hidden)
                .attributes(edgeAttributes).activation(b.activation).activateLast(true).rng(rng).build());
        this.node = registerModule("node", MessageMlp.builder(LinearSlot.Role.NODE, f, in + hidden, hidden, out)
                .activation(b.activation).rng(rng).build());
        this.coordinate = b.updatePositions
                ? CoordinateUpdate.builder(f, hidden).attributes(edgeAttributes).activation(b.activation)
                        .normalizeDifferences(b.normalizeDifferences).tanh(b.tanhRange).weight(b.coordinateWeight)
                        .clamp(b.clamp).aggregation(b.coordinateAggregation).rng(rng).build()
                : null;
        if (coordinate != null) {
            registerModule("coordinate", coordinate.mlp());
        }
        this.attention = b.attention
                ? registerModule("attention", MessageMlp.builder(LinearSlot.Role.ATTENTION, f, hidden, 1)
                        .attributes(edgeAttributes).activation(b.activation).rng(rng).build())
                : null;
        this.velocity = b.velocity
                ? registerModule("velocity", MessageMlp.builder(LinearSlot.Role.VELOCITY, f, in, hidden, 1)
                        .activation(b.activation).rng(rng).build())
                : null;
    }

    /**
     * A builder for a layer from {@code in} to {@code out} invariant node channels with {@code hidden}
     * message channels, over {@code group} (e.g. {@code EuclideanGroup.full(3)}: its elements must act on R^n).
     */
    public static Builder builder(Group group, int in, int hidden, int out) {
        return new Builder(group, in, hidden, out);
    }

    public int hidden() {
        return hidden;
    }

    /** Turns the node-projection fast path of the edge MLP's first layer off (tests compare both paths). */
    void nodeProjection(boolean value) {
        this.nodeProjection = value;
    }

    public boolean usesVelocities() {
        return velocity != null;
    }

    @Override
    protected Graph apply(Graph g) {
        Tensor h = g.features();
        Tensor x = g.positions();
        Tensor a = g.edgeAttributes();
        checkEdgeAttributes(g, a);
        int n = g.numNodes();
        Tensor receivers = g.receivers();
        Tensor senders = g.senders();

        Tensor diff = x.indexSelect(0, receivers).sub(x.indexSelect(0, senders));
        Tensor radial = diff.mul(diff).sum(1, true);
        Tensor m = edgeMessages(h, radial, a, receivers, senders);
        if (attention != null) {
            m = m.mul(attention.forward(m, a).sigmoid());
        }

        Tensor positions = coordinate == null ? x : coordinate.apply(x, diff, radial, m, a, receivers);
        if (velocity != null) {
            if (!g.hasVelocities()) {
                throw new UnsupportedFeatureException(this + ": the velocity variant needs a graph with velocities");
            }
            positions = positions.add(velocity.forward(h, null).mul(g.velocities()));
        }

        Tensor aggregated = m.segmentSum(receivers, n);
        Tensor updated = node.forward(Tensors.concat(1, h, aggregated), null);
        if (residual) {
            updated = h.add(updated);
        }
        return g.withNodes(outType(), updated, positions);
    }

    /**
     * φ_e on all edges. When the first piece of the edge MLP is a plain {@link AttributeConcatLinear}, its map
     * {@code W [h_i, h_j, r, a] + b} is split as {@code (h W_i^T)[i] + (h W_j^T)[j] + [r, a, 1] [W_r, W_a, b]^T}:
     * the projections of h are computed once per node (N rows instead of E), gathered in one index select,
     * and the two concatenations over all edges disappear. Same function, fewer ops and flops.
     */
    private Tensor edgeMessages(Tensor h, Tensor radial, Tensor a, Tensor receivers, Tensor senders) {
        MessageLinear first = edge.pieces().get(0);
        if (!nodeProjection || !(first instanceof AttributeConcatLinear plain) || plain.linear().bias() == null) {
            return edge.forward(Tensors.concat(1, h.indexSelect(0, receivers), h.indexSelect(0, senders), radial), a);
        }
        Tensor w = plain.linear().weight().value();
        int e = radial.size(0);
        Tensor fromReceiver = h.matmul(w.narrow(1, 0, in).transpose(0, 1)).indexSelect(0, receivers);
        Tensor fromSender = h.matmul(w.narrow(1, in, in).transpose(0, 1)).indexSelect(0, senders);
        Tensor ones = Tensors.ones(radial.dtype(), e, 1);
        Tensor rest = a == null ? Tensors.concat(1, radial, ones) : Tensors.concat(1, radial, a, ones);
        Tensor restWeight = Tensors.concat(1, w.narrow(1, 2 * in, w.size(1) - 2 * in),
                plain.linear().bias().value().reshape(hidden, 1));
        return edge.resume(1, fromReceiver.add(fromSender).add(rest.matmul(restWeight.transpose(0, 1))), a);
    }

    private void checkEdgeAttributes(Graph g, Tensor a) {
        int actual = a == null ? 0 : a.size(1);
        if (actual != edgeAttributes) {
            throw new ShapeMismatchException(this + ": expected edge attributes [" + g.numEdges() + ", " + edgeAttributes
                    + "] but the graph has " + (a == null ? "none" : Arrays.toString(a.shape())));
        }
    }

    @Override
    public String toString() {
        return "EgnnLayer(" + in + " -> " + out + ", hidden " + hidden + (edgeAttributes > 0 ? ", " + edgeAttributes
                + " edge attributes" : "") + (velocity != null ? ", velocity" : "") + (attention != null ? ", attention" : "")
                + ")";
    }

    /** Options of an {@link EgnnLayer}; the defaults are the reference's N-body settings except the velocity term. */
    public static final class Builder {
        private final Group group;
        private final int in;
        private final int hidden;
        private final int out;
        private int edgeAttributes;
        private boolean residual = true;
        private boolean attention;
        private boolean velocity;
        private boolean normalizeDifferences;
        private double tanhRange;
        private double coordinateWeight = 1.0;
        private double clamp = 100.0;
        private Aggregation coordinateAggregation = Aggregation.MEAN;
        private boolean updatePositions = true;
        private Supplier<? extends UnaryModule> activation = SiLU::new;
        private LinearFactory factory = LinearFactory.standard();
        private Rng rng;

        private Builder(Group group, int in, int hidden, int out) {
            if (in <= 0 || hidden <= 0 || out <= 0) {
                throw new InvalidArgumentException("EgnnLayer: channel counts must be positive, got " + in + ", " + hidden
                        + ", " + out);
            }
            this.group = Objects.requireNonNull(group, "group");
            this.in = in;
            this.hidden = hidden;
            this.out = out;
        }

        /** Number of edge attribute channels a_ij the layer expects (0: none). */
        public Builder edgeAttributes(int value) {
            this.edgeAttributes = value;
            return this;
        }

        /** h_i' = h_i + φ_h(...) (the reference's {@code recurrent}); default true. */
        public Builder residual(boolean value) {
            this.residual = value;
            return this;
        }

        /** Messages scaled by a sigmoid gate φ_inf(m_ij). */
        public Builder attention(boolean value) {
            this.attention = value;
            return this;
        }

        /** The N-body variant: x_i += φ_v(h_i) v_i, with the graph's velocities. */
        public Builder velocity(boolean value) {
            this.velocity = value;
            return this;
        }

        /** Relative vectors divided by {@code |x_i - x_j| + 1} before the coordinate update ({@code norm_diff}). */
        public Builder normalizeDifferences(boolean value) {
            this.normalizeDifferences = value;
            return this;
        }

        /** Coordinate weights {@code range * tanh(φ_x)} (0: off, the default). */
        public Builder tanh(double range) {
            this.tanhRange = range;
            return this;
        }

        /** The factor C of the aggregated translation (default 1). */
        public Builder coordinateWeight(double value) {
            this.coordinateWeight = value;
            return this;
        }

        /** Each translation (x_i - x_j) φ_x clamped to ±value (default 100; 0: off). */
        public Builder clamp(double value) {
            this.clamp = value;
            return this;
        }

        public Builder coordinateAggregation(Aggregation value) {
            this.coordinateAggregation = Objects.requireNonNull(value, "coordinateAggregation");
            return this;
        }

        /** False: positions pass through unchanged (an invariant-features-only layer). */
        public Builder updatePositions(boolean value) {
            this.updatePositions = value;
            return this;
        }

        public Builder activation(Supplier<? extends UnaryModule> value) {
            this.activation = Objects.requireNonNull(value, "activation");
            return this;
        }

        /** Makes every linear piece of the layer's MLPs (default {@link LinearFactory#standard()}). */
        public Builder linearFactory(LinearFactory value) {
            this.factory = Objects.requireNonNull(value, "linearFactory");
            return this;
        }

        public Builder rng(Rng value) {
            this.rng = Objects.requireNonNull(value, "rng");
            return this;
        }

        public EgnnLayer build() {
            Objects.requireNonNull(rng, "EgnnLayer: an Rng is required");
            return new EgnnLayer(this);
        }
    }
}

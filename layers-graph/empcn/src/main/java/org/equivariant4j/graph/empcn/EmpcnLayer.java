package org.equivariant4j.graph.empcn;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.message.CoordinateUpdate;
import org.equivariant4j.graph.message.LinearFactory;
import org.equivariant4j.graph.message.LinearSlot;
import org.equivariant4j.graph.message.MessageMlp;
import org.equivariant4j.nn.activation.SiLU;

/**
 * One E(n)-equivariant message-passing layer on a CW complex (Kovač, Bekkers, Liò, Eijkelboom 2024),
 * hidden width C for every rank. With the invariants of {@link CellGeometry} at the current positions
 * (l_e = |x_u − x_v|², A_ρ the ring area, d_eρ = |c_e − c_ρ|²):
 * <pre>
 *   node ↔ node through edge e   m_ij  = φ_n(h_i, h_j, [h_e,] |x_i − x_j|², a_ij)   (h_e only when COUPLED)
 *   node → edge   (boundary)     b_ve  = φ_b1(h_e, h_v | l_e)
 *   edge → ring   (boundary)     b_eρ  = φ_b2(h_ρ, h_e | d_eρ, l_e, A_ρ)
 *   ring → edge   (co-boundary)  c_ρe  = φ_c1(h_e, h_ρ | d_eρ, l_e, A_ρ)
 *   edge → node   (co-boundary)  c_ev  = φ_c0(h_v, h_e | l_e)                       (only when DECOUPLED)
 *   x_i  += mean_j (x_i − x_j) φ_x(m_ij)  [+ φ_v(h_i) v_i]
 *   h_i  += φ_h0(h_i, Σ_j m_ij [, Σ_e c_ev]);  h_e += φ_h1(h_e, Σ_v b_ve, Σ_ρ c_ρe);  h_ρ += φ_h2(h_ρ, Σ_e b_eρ)
 * </pre>
 * Every message function runs once over all pairs of its relation (gather → MLP → segment sum); the
 * invariants after the bar are offered to the {@link LinearFactory} as attributes (the standard factory
 * concatenates them to the input; a conditioning factory conditions on them), a_ij are the graph's edge
 * attributes. The position update is EGNN's {@link CoordinateUpdate} (mean, each translation clamped to ±100,
 * φ_x's last layer without bias and with a Xavier gain of 0.001). Positions move only along differences of node positions and features see only
 * invariants, so the layer is E(n) equivariant; it is permutation equivariant because every relation is
 * aggregated by a sum or mean.
 */
public final class EmpcnLayer extends Module {
    private final int channels;
    private final int edgeAttributes;
    private final EmpcnVariant variant;
    private final MessageMlp nodeMessage;
    private final CoordinateUpdate coordinate;
    private final MessageMlp velocity;
    private final MessageMlp nodeUpdate;
    private final MessageMlp nodeToEdge;
    private final MessageMlp edgeToRing;
    private final MessageMlp ringToEdge;
    private final MessageMlp edgeToNode;
    private final MessageMlp edgeUpdate;
    private final MessageMlp ringUpdate;

    private EmpcnLayer(Builder b) {
        this.channels = b.channels;
        this.edgeAttributes = b.edgeAttributes;
        this.variant = b.variant;
        int c = channels;
        LinearFactory f = b.factory;
        Rng rng = b.rng;
        boolean coupled = variant == EmpcnVariant.COUPLED;
        this.nodeMessage = registerModule("node_message", mlp(LinearSlot.Role.EDGE, f, b, edgeAttributes, true,
                (coupled ? 3 : 2) * c + 1, c, c));
        this.coordinate = CoordinateUpdate.builder(f, c).activation(b.activation).rng(rng).build();
        registerModule("coordinate", coordinate.mlp());
        this.velocity = b.velocity
                ? registerModule("velocity", MessageMlp.builder(LinearSlot.Role.VELOCITY, f, c, c, 1).activation(b.activation)
                        .rng(rng).build())
                : null;
        this.nodeUpdate = registerModule("node_update", mlp(LinearSlot.Role.NODE, f, b, 0, false, (coupled ? 2 : 3) * c, c, c));
        this.nodeToEdge = registerModule("node_to_edge", mlp(LinearSlot.Role.EDGE, f, b, 1, true, 2 * c, c, c));
        this.edgeToRing = registerModule("edge_to_ring", mlp(LinearSlot.Role.EDGE, f, b, 3, true, 2 * c, c, c));
        this.ringToEdge = registerModule("ring_to_edge", mlp(LinearSlot.Role.EDGE, f, b, 3, true, 2 * c, c, c));
        this.edgeToNode = coupled ? null
                : registerModule("edge_to_node", mlp(LinearSlot.Role.EDGE, f, b, 1, true, 2 * c, c, c));
        this.edgeUpdate = registerModule("edge_update", mlp(LinearSlot.Role.NODE, f, b, 0, false, 3 * c, c, c));
        this.ringUpdate = registerModule("ring_update", mlp(LinearSlot.Role.NODE, f, b, 0, false, 2 * c, c, c));
    }

    private static MessageMlp mlp(LinearSlot.Role role, LinearFactory f, Builder b, int attributes, boolean activateLast,
            int... widths) {
        return MessageMlp.builder(role, f, widths).attributes(attributes).activation(b.activation).activateLast(activateLast)
                .rng(b.rng).build();
    }

    /** A layer of {@code channels} channels per cell. */
    public static Builder builder(int channels) {
        return new Builder(channels);
    }

    public int channels() {
        return channels;
    }

    public EmpcnVariant variant() {
        return variant;
    }

    /** New positions and cell features. */
    public record Output(Tensor positions, CellFeatures cells) {
    }

    /**
     * The layer on {@code graph} (positions, velocities, edges and edge attributes are read; its node
     * features are replaced by {@code cells.nodes()}), lifted to {@code complex}, at {@code positions}.
     */
    public Output forward(Graph graph, CellComplex complex, Tensor positions, CellFeatures cells) {
        cells.check(toString(), complex, channels);
        Tensor a = graph.edgeAttributes();
        int actual = a == null ? 0 : a.size(1);
        if (actual != edgeAttributes) {
            throw new ShapeMismatchException(this + ": expected edge attributes [" + graph.numEdges() + ", " + edgeAttributes
                    + "] but the graph has " + (a == null ? "none" : Arrays.toString(a.shape())));
        }
        if (complex.numNodes() != graph.numNodes() || complex.cellOfGraphEdgeHost().length != graph.numEdges()) {
            throw new ShapeMismatchException(this + ": the complex (" + complex + ") was not lifted from this graph (" + graph
                    + ")");
        }
        Tensor x = positions;
        Tensor h = cells.nodes();
        Tensor he = cells.edges();
        Tensor hr = cells.rings();
        int n = complex.numNodes();
        int m = complex.numEdges();
        int rings = complex.numRings();
        CellGeometry geometry = CellGeometry.of(complex, x);
        Tensor receivers = graph.receivers();
        Tensor senders = graph.senders();

        Tensor diff = x.indexSelect(0, receivers).sub(x.indexSelect(0, senders));
        Tensor radial = diff.mul(diff).sum(1, true);
        Tensor messageInput = variant == EmpcnVariant.COUPLED
                ? Tensors.concat(1, h.indexSelect(0, receivers), h.indexSelect(0, senders),
                        he.indexSelect(0, complex.cellOfGraphEdge()), radial)
                : Tensors.concat(1, h.indexSelect(0, receivers), h.indexSelect(0, senders), radial);
        Tensor message = nodeMessage.forward(messageInput, a);

        Tensor moved = coordinate.apply(x, diff, radial, message, null, receivers);
        if (velocity != null) {
            if (!graph.hasVelocities()) {
                throw new UnsupportedFeatureException(this + ": the velocity term needs a graph with velocities");
            }
            moved = moved.add(velocity.forward(h, null).mul(graph.velocities()));
        }

        Tensor lengthAtIncidence = geometry.edgeLengthSquared().indexSelect(0, complex.incidenceEdge());
        Tensor toEdges = nodeToEdge.forward(Tensors.concat(1, he.indexSelect(0, complex.incidenceEdge()),
                h.indexSelect(0, complex.incidenceNode())), lengthAtIncidence).segmentSum(complex.incidenceEdge(), m);
        Tensor fromRings;
        Tensor newRings = hr;
        if (rings > 0) {
            Tensor ringEdge = complex.ringBoundaryEdge();
            Tensor ringOf = complex.ringBoundaryRing();
            Tensor invariants = Tensors.concat(1, geometry.ringEdgeCentroidDistanceSquared(),
                    geometry.edgeLengthSquared().indexSelect(0, ringEdge), geometry.ringArea().indexSelect(0, ringOf));
            Tensor heAt = he.indexSelect(0, ringEdge);
            Tensor hrAt = hr.indexSelect(0, ringOf);
            Tensor toRings = edgeToRing.forward(Tensors.concat(1, hrAt, heAt), invariants).segmentSum(ringOf, rings);
            fromRings = ringToEdge.forward(Tensors.concat(1, heAt, hrAt), invariants).segmentSum(ringEdge, m);
            newRings = hr.add(ringUpdate.forward(Tensors.concat(1, hr, toRings), null));
        } else {
            fromRings = Tensors.zeros(he.dtype(), m, channels);
        }
        Tensor newEdges = he.add(edgeUpdate.forward(Tensors.concat(1, he, toEdges, fromRings), null));

        Tensor aggregated = message.segmentSum(receivers, n);
        Tensor nodeInput;
        if (edgeToNode != null) {
            Tensor fromEdges = edgeToNode.forward(Tensors.concat(1, h.indexSelect(0, complex.incidenceNode()),
                    he.indexSelect(0, complex.incidenceEdge())), lengthAtIncidence).segmentSum(complex.incidenceNode(), n);
            nodeInput = Tensors.concat(1, h, aggregated, fromEdges);
        } else {
            nodeInput = Tensors.concat(1, h, aggregated);
        }
        Tensor newNodes = h.add(nodeUpdate.forward(nodeInput, null));
        return new Output(moved, new CellFeatures(newNodes, newEdges, newRings));
    }

    @Override
    public String toString() {
        return "EmpcnLayer(" + variant.name().toLowerCase(java.util.Locale.ROOT) + ", " + channels + " channels"
                + (edgeAttributes > 0 ? ", " + edgeAttributes + " edge attributes" : "") + (velocity != null ? ", velocity" : "")
                + ")";
    }

    /** Options of an {@link EmpcnLayer}: coupled, no edge attributes, no velocity term, SiLU, the standard factory. */
    public static final class Builder {
        private final int channels;
        private int edgeAttributes;
        private EmpcnVariant variant = EmpcnVariant.COUPLED;
        private boolean velocity;
        private Supplier<? extends UnaryModule> activation = SiLU::new;
        private LinearFactory factory = LinearFactory.standard();
        private Rng rng;

        private Builder(int channels) {
            if (channels <= 0) {
                throw new InvalidArgumentException("EmpcnLayer: channels must be positive, got " + channels);
            }
            this.channels = channels;
        }

        /** Columns of the graph's edge attributes a_ij (0: none). */
        public Builder edgeAttributes(int value) {
            this.edgeAttributes = value;
            return this;
        }

        public Builder variant(EmpcnVariant value) {
            this.variant = Objects.requireNonNull(value, "variant");
            return this;
        }

        /** The N-body term x_i += φ_v(h_i) v_i. */
        public Builder velocity(boolean value) {
            this.velocity = value;
            return this;
        }

        public Builder activation(Supplier<? extends UnaryModule> value) {
            this.activation = Objects.requireNonNull(value, "activation");
            return this;
        }

        /** Makes every linear piece (default {@link LinearFactory#standard()}). */
        public Builder linearFactory(LinearFactory value) {
            this.factory = Objects.requireNonNull(value, "linearFactory");
            return this;
        }

        public Builder rng(Rng value) {
            this.rng = Objects.requireNonNull(value, "rng");
            return this;
        }

        public EmpcnLayer build() {
            Objects.requireNonNull(rng, "EmpcnLayer: an Rng is required");
            return new EmpcnLayer(this);
        }
    }
}

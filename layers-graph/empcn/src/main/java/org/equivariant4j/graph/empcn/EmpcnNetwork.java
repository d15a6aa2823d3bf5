package org.equivariant4j.graph.empcn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.graph.message.LinearFactory;
import org.equivariant4j.nn.layer.Linear;

/**
 * An EMPCN on graphs: lifts each input graph to a {@link CellComplex}, embeds the cells (nodes from their
 * features; edges from [l_e, mean of the graph edge attributes of the edge]; rings from [A_ρ, mean l_e
 * and mean edge attributes of their boundary]), runs {@code layers} {@link EmpcnLayer}s and returns the
 * node features and moved positions. A {@link GraphLayer} from {@code in} to {@code channels}
 * invariant node channels, so the test kit checks it for E(n) ({@link GraphLayer#bind}) and node
 * permutations. The lifting of the last topology is kept, so batches of one fixed topology are lifted
 * once.
 */
public final class EmpcnNetwork extends GraphLayer {
    private final int channels;
    private final int edgeAttributes;
    private final CellLifting lifting;
    private final Linear nodeEmbedding;
    private final Linear edgeEmbedding;
    private final Linear ringEmbedding;
    private final List<EmpcnLayer> layers = new ArrayList<>();
    private EdgeIndex liftedEdges;
    private int liftedNodes = -1;
    private CellComplex lifted;

    private EmpcnNetwork(Builder b) {
        super(GraphFields.scalars(b.group, b.in), GraphFields.scalars(b.group, b.channels));
        this.channels = b.channels;
        this.edgeAttributes = b.edgeAttributes;
        this.lifting = b.lifting;
        this.nodeEmbedding = registerModule("node_embedding", new Linear(b.in, channels, b.rng));
        this.edgeEmbedding = registerModule("edge_embedding", new Linear(1 + edgeAttributes, channels, b.rng));
        this.ringEmbedding = registerModule("ring_embedding", new Linear(2 + edgeAttributes, channels, b.rng));
        for (int i = 0; i < b.layers; i++) {
            layers.add(registerModule("layer" + i, EmpcnLayer.builder(channels).edgeAttributes(edgeAttributes)
                    .variant(b.variant).velocity(b.velocity).linearFactory(b.factory).rng(b.rng).build()));
        }
    }

    /** A network from {@code in} invariant node channels to {@code channels}, over {@code group} acting on R^n. */
    public static Builder builder(Group group, int in, int channels) {
        return new Builder(group, in, channels);
    }

    public List<EmpcnLayer> layers() {
        return List.copyOf(layers);
    }

    public CellLifting lifting() {
        return lifting;
    }

    /** The complex of {@code g}'s topology (the kept one when the topology is the last one seen). */
    public CellComplex complexOf(Graph g) {
        if (lifted == null || liftedNodes != g.numNodes() || !g.edges().equals(liftedEdges)) {
            lifted = lifting.lift(g);
            liftedEdges = g.edges();
            liftedNodes = g.numNodes();
        }
        return lifted;
    }

    @Override
    protected Graph apply(Graph g) {
        CellComplex complex = complexOf(g);
        Tensor x = g.positions();
        CellGeometry geometry = CellGeometry.of(complex, x);
        Tensor a = g.edgeAttributes();
        int m = complex.numEdges();
        Tensor edgeInput = geometry.edgeLengthSquared();
        if (edgeAttributes > 0) {
            if (a == null || a.size(1) != edgeAttributes) {
                throw new org.equivariant4j.core.error.ShapeMismatchException(this + ": expected edge attributes ["
                        + g.numEdges() + ", " + edgeAttributes + "] but the graph has "
                        + (a == null ? "none" : java.util.Arrays.toString(a.shape())));
            }
            edgeInput = Tensors.concat(1, edgeInput, a.segmentMean(complex.cellOfGraphEdge(), m));
        }
        Tensor edges = edgeEmbedding.forward(edgeInput);
        Tensor rings = null;
        if (complex.numRings() > 0) {
            Tensor boundary = edgeInput.indexSelect(0, complex.ringBoundaryEdge())
                    .segmentMean(complex.ringBoundaryRing(), complex.numRings());
            rings = ringEmbedding.forward(Tensors.concat(1, geometry.ringArea(), boundary));
        }
        CellFeatures cells = new CellFeatures(nodeEmbedding.forward(g.features()), edges, rings);
        for (EmpcnLayer layer : layers) {
            EmpcnLayer.Output out = layer.forward(g, complex, x, cells);
            x = out.positions();
            cells = out.cells();
        }
        return g.withNodes(outType(), cells.nodes(), x);
    }

    @Override
    public String toString() {
        return "EmpcnNetwork(" + layers.size() + " layers, " + channels + " channels, " + lifting + ")";
    }

    /** Options: 4 layers, coupled, triangles only, no edge attributes, no velocity term, the standard factory. */
    public static final class Builder {
        private final Group group;
        private final int in;
        private final int channels;
        private int layers = 4;
        private int edgeAttributes;
        private EmpcnVariant variant = EmpcnVariant.COUPLED;
        private boolean velocity;
        private CellLifting lifting = CellLifting.triangles();
        private LinearFactory factory = LinearFactory.standard();
        private Rng rng;

        private Builder(Group group, int in, int channels) {
            if (in <= 0 || channels <= 0) {
                throw new InvalidArgumentException("EmpcnNetwork: channel counts must be positive, got " + in + ", " + channels);
            }
            this.group = Objects.requireNonNull(group, "group");
            this.in = in;
            this.channels = channels;
        }

        public Builder layers(int value) {
            if (value < 1) {
                throw new InvalidArgumentException("EmpcnNetwork: needs at least one layer, got " + value);
            }
            this.layers = value;
            return this;
        }

        public Builder edgeAttributes(int value) {
            this.edgeAttributes = value;
            return this;
        }

        public Builder variant(EmpcnVariant value) {
            this.variant = Objects.requireNonNull(value, "variant");
            return this;
        }

        public Builder velocity(boolean value) {
            this.velocity = value;
            return this;
        }

        public Builder lifting(CellLifting value) {
            this.lifting = Objects.requireNonNull(value, "lifting");
            return this;
        }

        public Builder linearFactory(LinearFactory value) {
            this.factory = Objects.requireNonNull(value, "linearFactory");
            return this;
        }

        public Builder rng(Rng value) {
            this.rng = Objects.requireNonNull(value, "rng");
            return this;
        }

        public EmpcnNetwork build() {
            Objects.requireNonNull(rng, "EmpcnNetwork: an Rng is required");
            return new EmpcnNetwork(this);
        }
    }
}

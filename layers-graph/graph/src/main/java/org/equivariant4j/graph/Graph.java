package org.equivariant4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A batch of geometric graphs stored block-diagonally: the nodes of all graphs in one table, so a
 * message-passing layer is a handful of large ops (gather by {@link #senders()}/{@link #receivers()},
 * an MLP over all edges, one segment sum into {@link #numNodes()} rows) whatever the number of graphs.
 *
 * <ul>
 *   <li>node features {@code [N, C]} of a {@link FieldType} on {@link Domain.Points} in R^n (scalars,
 *       vectors, ... of a group acting on R^n such as E(n) or O(n)); positions {@code [N, n]};</li>
 *   <li>optional velocities {@code [N, n]}: rotated by the linear part, not translated;</li>
 *   <li>edges: {@link EdgeIndex} (messages sender → receiver), never crossing graphs; optional edge
 *       attributes {@code [E, A]} of a field type on {@link Domain#vectors()} (trivial for invariant
 *       attributes such as charge products);</li>
 *   <li>the batch vector: the graph of each node, {@code 0..numGraphs-1}.</li>
 * </ul>
 *
 * Immutable; the {@code with...} methods share the unchanged tensors. {@link #transform(GroupElement)} is
 * the E(n) action and {@link #permute(int[])} the node-permutation action the test kit checks layers
 * against.
 */
public final class Graph {
    private final FieldType nodeType;
    private final Tensor features;
    private final Tensor positions;
    private final Tensor velocities;
    private final EdgeIndex edges;
    private final Tensor senderIndex;
    private final Tensor receiverIndex;
    private final FieldType edgeType;
    private final Tensor edgeAttributes;
    private final int[] batch;
    private final Tensor batchIndex;
    private final int numGraphs;

    private Graph(FieldType nodeType, Tensor features, Tensor positions, Tensor velocities, EdgeIndex edges,
            Tensor senderIndex, Tensor receiverIndex, FieldType edgeType, Tensor edgeAttributes, int[] batch,
            Tensor batchIndex, int numGraphs) {
        this.nodeType = nodeType;
        this.features = features;
        this.positions = positions;
        this.velocities = velocities;
        this.edges = edges;
        this.senderIndex = senderIndex;
        this.receiverIndex = receiverIndex;
        this.edgeType = edgeType;
        this.edgeAttributes = edgeAttributes;
        this.batch = batch;
        this.batchIndex = batchIndex;
        this.numGraphs = numGraphs;
    }

    /** A builder for a graph whose node features have {@code nodeType} (a point domain). */
    public static Builder builder(FieldType nodeType) {
        return new Builder(nodeType);
    }

    // ---------------------------------------------------------------- accessors

    public FieldType nodeType() {
        return nodeType;
    }

    /** Node features {@code [N, C]}. */
    public Tensor features() {
        return features;
    }

    /** Node positions {@code [N, n]}. */
    public Tensor positions() {
        return positions;
    }

    /** Node velocities {@code [N, n]}, or null. */
    public Tensor velocities() {
        return velocities;
    }

    public boolean hasVelocities() {
        return velocities != null;
    }

    public EdgeIndex edges() {
        return edges;
    }

    /** Sender of each edge, INT64 {@code [E]} (the node a message comes from). */
    public Tensor senders() {
        return senderIndex;
    }

    /** Receiver of each edge, INT64 {@code [E]} (the node a message is aggregated at). */
    public Tensor receivers() {
        return receiverIndex;
    }

    /** The type of the edge attributes, or null when there are none. */
    public FieldType edgeType() {
        return edgeType;
    }

    /** Edge attributes {@code [E, A]}, or null. */
    public Tensor edgeAttributes() {
        return edgeAttributes;
    }

    /** Graph of each node (host copy). */
    public int[] batch() {
        return batch.clone();
    }

    /** Graph of each node, INT64 {@code [N]} (segment ids for per-graph pooling). */
    public Tensor batchIndex() {
        return batchIndex;
    }

    public int numGraphs() {
        return numGraphs;
    }

    public int numNodes() {
        return batch.length;
    }

    public int numEdges() {
        return edges.size();
    }

    /** The dimension n of the space the positions live in. */
    public int spaceDimension() {
        return nodeType.domain().dimension();
    }

    public DType dtype() {
        return positions.dtype();
    }

    /** Number of nodes of each graph. */
    public int[] graphSizes() {
        int[] sizes = new int[numGraphs];
        for (int b : batch) {
            sizes[b]++;
        }
        return sizes;
    }

    /** The node features and positions as a core field (what the test kit and equivariant layers take). */
    public GeometricTensor nodes() {
        return GeometricTensor.ofPoints(features, positions, nodeType);
    }

    // ---------------------------------------------------------------- copies

    /** The same topology (edges, edge attributes, batch, velocities) with other node features of another type and positions. */
    public Graph withNodes(FieldType type, Tensor newFeatures, Tensor newPositions) {
        checkNodeType("withNodes", type);
        checkNodes(type, newFeatures, newPositions, velocities, batch.length);
        return new Graph(type, newFeatures, newPositions, velocities, edges, senderIndex, receiverIndex, edgeType,
                edgeAttributes, batch, batchIndex, numGraphs);
    }

    /** The same graph with the node field {@code nodes} (features, positions and type). */
    public Graph withNodes(GeometricTensor nodes) {
        return withNodes(nodes.type(), nodes.tensor(), nodes.positions());
    }

    /** The same graph with other velocities ({@code [N, n]}, or null to drop them). */
    public Graph withVelocities(Tensor newVelocities) {
        checkNodes(nodeType, features, positions, newVelocities, batch.length);
        return new Graph(nodeType, features, positions, newVelocities, edges, senderIndex, receiverIndex, edgeType,
                edgeAttributes, batch, batchIndex, numGraphs);
    }

    /** The same graph with other edge attributes ({@code type} and {@code [E, A]}; both null to drop them). */
    public Graph withEdgeAttributes(FieldType type, Tensor attributes) {
        checkEdgeAttributes(type, attributes, edges.size());
        return new Graph(nodeType, features, positions, velocities, edges, senderIndex, receiverIndex, type,
                attributes, batch, batchIndex, numGraphs);
    }

    /** The same nodes with other edges (edge attributes dropped). */
    public Graph withEdges(EdgeIndex newEdges) {
        checkEdges(newEdges, batch);
        return new Graph(nodeType, features, positions, velocities, newEdges, indexTensor(newEdges.rawSenders()),
                indexTensor(newEdges.rawReceivers()), null, null, batch, batchIndex, numGraphs);
    }

    /** Every floating tensor (features, positions, velocities, edge attributes) in {@code dtype}. */
    public Graph to(DType dtype) {
        return new Graph(nodeType, features.to(dtype), positions.to(dtype), velocities == null ? null : velocities.to(dtype),
                edges, senderIndex, receiverIndex, edgeType, edgeAttributes == null ? null : edgeAttributes.to(dtype),
                batch, batchIndex, numGraphs);
    }

    /** The same graph, every tensor detached from the autodiff graph. */
    public Graph detach() {
        return new Graph(nodeType, features.detach(), positions.detach(), velocities == null ? null : velocities.detach(),
                edges, senderIndex, receiverIndex, edgeType, edgeAttributes == null ? null : edgeAttributes.detach(),
                batch, batchIndex, numGraphs);
    }

    // ---------------------------------------------------------------- group actions

    /**
     * The action of {@code g} (an element of the node type's group, acting on R^n): positions
     * {@code A p + t}, velocities {@code A v}, node features by ρ_node(g), edge attributes by ρ_edge(g);
     * the topology is unchanged.
     */
    public Graph transform(GroupElement g) {
        if (!nodeType.group().contains(g)) {
            throw new GroupMismatchException("Graph.transform(" + g + ") on nodes of type " + nodeType,
                    nodeType.group().name(), g.group().name());
        }
        GeometricTensor moved = nodes().transform(g);
        Tensor v = velocities;
        if (v != null) {
            Matrix a = ((EuclideanAction) g).linearPart();
            v = v.matmul(Tensors.of(a.toRowMajor(), v.dtype(), a.rows(), a.columns()).transpose(0, 1));
        }
        Tensor attributes = edgeAttributes;
        if (attributes != null) {
            attributes = GeometricTensor.of(attributes, edgeType).transform(g).tensor();
        }
        return new Graph(nodeType, moved.tensor(), moved.positions(), v, edges, senderIndex, receiverIndex, edgeType,
                attributes, batch, batchIndex, numGraphs);
    }

    /**
     * The nodes renumbered: new node k is old node {@code order[k]}. Features, positions, velocities and
     * the batch vector are reordered, edges keep their order and attributes but point at the new numbers.
     */
    public Graph permute(int[] order) {
        int n = batch.length;
        int[] inverse = inversePermutation(order, n);
        Tensor index = indexTensor(order);
        int[] newBatch = new int[n];
        for (int k = 0; k < n; k++) {
            newBatch[k] = batch[order[k]];
        }
        int[] s = edges.rawSenders();
        int[] r = edges.rawReceivers();
        int[] ns = new int[s.length];
        int[] nr = new int[r.length];
        for (int e = 0; e < s.length; e++) {
            ns[e] = inverse[s[e]];
            nr[e] = inverse[r[e]];
        }
        EdgeIndex newEdges = new EdgeIndex(ns, nr);
        return new Graph(nodeType, features.indexSelect(0, index), positions.indexSelect(0, index),
                velocities == null ? null : velocities.indexSelect(0, index), newEdges, indexTensor(ns), indexTensor(nr),
                edgeType, edgeAttributes, newBatch, indexTensor(newBatch), numGraphs);
    }

    // ---------------------------------------------------------------- batching

    /**
     * Many graphs as one block-diagonal graph: nodes concatenated, edge indices shifted by the node
     * offset of their graph, batch ids renumbered consecutively. All parts must share node type, edge
     * type, dtype and whether they have velocities.
     */
    public static Graph batch(List<Graph> graphs) {
        if (graphs.isEmpty()) {
            throw new InvalidArgumentException("Graph.batch: needs at least one graph");
        }
        Graph first = graphs.get(0);
        List<Tensor> f = new ArrayList<>();
        List<Tensor> p = new ArrayList<>();
        List<Tensor> v = new ArrayList<>();
        List<Tensor> a = new ArrayList<>();
        List<EdgeIndex> e = new ArrayList<>();
        int total = graphs.stream().mapToInt(Graph::numNodes).sum();
        int[] batch = new int[total];
        int nodeOffset = 0;
        int graphOffset = 0;
        for (int i = 0; i < graphs.size(); i++) {
            Graph g = graphs.get(i);
            if (!g.nodeType.isCompatible(first.nodeType) || g.hasVelocities() != first.hasVelocities()
                    || !Objects.equals(g.edgeType, first.edgeType) || g.dtype() != first.dtype()) {
                throw new FieldTypeMismatchException("Graph.batch: graph " + i + " (" + g + ") does not match graph 0 ("
                        + first + "): node type, edge type, dtype and velocities must agree");
            }
            f.add(g.features);
            p.add(g.positions);
            if (g.hasVelocities()) {
                v.add(g.velocities);
            }
            if (g.edgeAttributes != null) {
                a.add(g.edgeAttributes);
            }
            e.add(g.edges.shifted(nodeOffset));
            for (int k = 0; k < g.numNodes(); k++) {
                batch[nodeOffset + k] = graphOffset + g.batch[k];
            }
            nodeOffset += g.numNodes();
            graphOffset += g.numGraphs;
        }
        Builder b = builder(first.nodeType).features(Tensors.concat(0, f)).positions(Tensors.concat(0, p))
                .edges(EdgeIndex.concat(e)).batch(batch, graphOffset);
        if (first.hasVelocities()) {
            b.velocities(Tensors.concat(0, v));
        }
        if (first.edgeType != null) {
            b.edgeAttributes(first.edgeType, Tensors.concat(0, a));
        }
        return b.build();
    }

    /** Shorthand for {@link #batch(List)}. */
    public static Graph batch(Graph... graphs) {
        return batch(List.of(graphs));
    }

    // ---------------------------------------------------------------- checks

    static Tensor indexTensor(int[] values) {
        return Tensors.of(values, values.length);
    }

    private static int[] inversePermutation(int[] order, int n) {
        if (order.length != n) {
            throw new ShapeMismatchException("Graph.permute: expected a permutation of " + n + " nodes but got "
                    + order.length + " entries");
        }
        int[] inverse = new int[n];
        Arrays.fill(inverse, -1);
        for (int k = 0; k < n; k++) {
            int old = order[k];
            if (old < 0 || old >= n || inverse[old] >= 0) {
                throw new InvalidArgumentException("Graph.permute: " + Arrays.toString(order) + " is not a permutation of 0.."
                        + (n - 1));
            }
            inverse[old] = k;
        }
        return inverse;
    }

    private static void checkNodeType(String where, FieldType type) {
        if (!(type.domain() instanceof Domain.Points)) {
            throw new FieldTypeMismatchException("Graph." + where + ": node features must live on a point domain (R^n), not "
                    + type.domain() + " (" + type + ")");
        }
    }

    private static void checkNodes(FieldType type, Tensor features, Tensor positions, Tensor velocities, int n) {
        int c = type.channels();
        int d = type.domain().dimension();
        requireShape("node features", features, n, c);
        requireShape("positions", positions, n, d);
        if (velocities != null) {
            requireShape("velocities", velocities, n, d);
        }
    }

    private static void checkEdgeAttributes(FieldType type, Tensor attributes, int numEdges) {
        if ((type == null) != (attributes == null)) {
            throw new InvalidArgumentException("Graph: edge attributes and their type go together (both or neither)");
        }
        if (type == null) {
            return;
        }
        if (!(type.domain() instanceof Domain.Vectors)) {
            throw new FieldTypeMismatchException("Graph: edge attributes must be plain vectors (Domain.vectors()), not "
                    + type.domain());
        }
        requireShape("edge attributes", attributes, numEdges, type.channels());
    }

    private static void checkEdges(EdgeIndex edges, int[] batch) {
        int n = batch.length;
        for (int e = 0; e < edges.size(); e++) {
            int s = edges.sender(e);
            int r = edges.receiver(e);
            if (s < 0 || s >= n || r < 0 || r >= n) {
                throw new InvalidArgumentException("Graph: edge " + e + " (" + s + " -> " + r + ") points outside the "
                        + n + " nodes");
            }
            if (batch[s] != batch[r]) {
                throw new InvalidArgumentException("Graph: edge " + e + " (" + s + " -> " + r + ") joins graph " + batch[s]
                        + " to graph " + batch[r] + "; edges must stay within one graph");
            }
        }
    }

    private static void requireShape(String what, Tensor t, int rows, int columns) {
        int[] s = t.shape();
        if (s.length != 2 || s[0] != rows || s[1] != columns) {
            throw new ShapeMismatchException("Graph: expected " + what + " [" + rows + ", " + columns + "] but was "
                    + Arrays.toString(s));
        }
    }

    @Override
    public String toString() {
        return "Graph(" + numGraphs + " graph" + (numGraphs == 1 ? "" : "s") + ", " + numNodes() + " nodes of " + nodeType
                + ", " + numEdges() + " edges" + (edgeType == null ? "" : " with " + edgeType.representation().name())
                + (velocities == null ? "" : ", velocities") + ")";
    }

    /** Builds a {@link Graph}; features and positions are required, one graph and no edges by default. */
    public static final class Builder {
        private final FieldType nodeType;
        private Tensor features;
        private Tensor positions;
        private Tensor velocities;
        private EdgeIndex edges = new EdgeIndex(new int[0], new int[0]);
        private FieldType edgeType;
        private Tensor edgeAttributes;
        private int[] batch;
        private int numGraphs = 1;

        private Builder(FieldType nodeType) {
            checkNodeType("builder", Objects.requireNonNull(nodeType, "nodeType"));
            this.nodeType = nodeType;
        }

        public Builder features(Tensor value) {
            this.features = value;
            return this;
        }

        public Builder positions(Tensor value) {
            this.positions = value;
            return this;
        }

        public Builder velocities(Tensor value) {
            this.velocities = value;
            return this;
        }

        public Builder edges(EdgeIndex value) {
            this.edges = Objects.requireNonNull(value, "edges");
            return this;
        }

        public Builder edgeAttributes(FieldType type, Tensor value) {
            this.edgeType = type;
            this.edgeAttributes = value;
            return this;
        }

        /** The graph of each node ({@code 0..numGraphs-1}); default: all nodes in graph 0. */
        public Builder batch(int[] value, int graphs) {
            this.batch = value.clone();
            this.numGraphs = graphs;
            return this;
        }

        public Graph build() {
            Objects.requireNonNull(features, "Graph: features are required");
            Objects.requireNonNull(positions, "Graph: positions are required");
            int n = features.rank() == 2 ? features.size(0) : -1;
            if (n < 0) {
                throw new ShapeMismatchException("Graph: expected node features [N, " + nodeType.channels() + "] but was "
                        + Arrays.toString(features.shape()));
            }
            int[] b = batch == null ? new int[n] : batch;
            if (b.length != n) {
                throw new ShapeMismatchException("Graph: batch vector has " + b.length + " entries for " + n + " nodes");
            }
            for (int i = 0; i < n; i++) {
                if (b[i] < 0 || b[i] >= numGraphs) {
                    throw new InvalidArgumentException("Graph: node " + i + " is in graph " + b[i] + " but there are "
                            + numGraphs + " graphs");
                }
            }
            checkNodes(nodeType, features, positions, velocities, n);
            checkEdges(edges, b);
            checkEdgeAttributes(edgeType, edgeAttributes, edges.size());
            return new Graph(nodeType, features, positions, velocities, edges, indexTensor(edges.rawSenders()),
                    indexTensor(edges.rawReceivers()), edgeType, edgeAttributes, b, indexTensor(b), numGraphs);
        }
    }
}

package org.equivariant4j.graph.egnn.nbody;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.graph.egnn.EgnnLayer;
import org.equivariant4j.graph.message.LinearFactory;
import org.equivariant4j.graph.message.RadialBasis;
import org.equivariant4j.graph.nbody.training.NBodyModel;
import org.equivariant4j.nn.layer.Linear;

/**
 * The reference's N-body EGNN ({@code EGNN_vel}): node input |v_i|, an embedding to {@code hidden}
 * channels, then {@code layers} velocity-variant EGNN layers (residual, SiLU, mean coordinate
 * aggregation) whose edge attributes are {@code [q_i q_j, |x_i - x_j|²]} (the squared distance of the
 * input positions, kept for every layer); the prediction is the final positions. As a {@link GraphLayer}
 * on graphs of one invariant channel (the charge, unused except through the edge attribute) with
 * velocities, it is checked for E(3) and node permutations by the test kit.
 */
public final class EgnnNBodyModel extends GraphLayer implements NBodyModel {
    private final Linear embedding;
    private final RadialBasis radial;
    private final List<EgnnLayer> layers = new ArrayList<>();

    public EgnnNBodyModel(Group group, int hidden, int layerCount, LinearFactory factory, Rng rng) {
        this(group, hidden, layerCount, factory, null, rng);
    }

    /**
     * The model with {@code radial} (may be null: none) expanding the input distance into further edge attributes:
     * {@code [q_i q_j, |x_i - x_j|², φ_1(|x_i - x_j|), ..., φ_K(|x_i - x_j|)]}, columns 2 to K+1 being the basis,
     * for message functions conditioned on geometry (see the conditioning module).
     */
    public EgnnNBodyModel(Group group, int hidden, int layerCount, LinearFactory factory, RadialBasis radial, Rng rng) {
        super(GraphFields.scalars(group, 1), GraphFields.scalars(group, hidden));
        this.radial = radial;
        this.embedding = registerModule("embedding", new Linear(1, hidden, rng));
        for (int i = 0; i < layerCount; i++) {
            layers.add(registerModule("layer" + i, EgnnLayer.builder(group, hidden, hidden, hidden)
                    .edgeAttributes(edgeAttributeCount()).velocity(true).linearFactory(factory).rng(rng).build()));
        }
    }

    /** Edge attribute columns the layers see: 2, plus the radial basis's size when there is one. */
    public int edgeAttributeCount() {
        return radial == null ? 2 : 2 + radial.size();
    }

    public EgnnNBodyModel(Group group, int hidden, int layerCount, Rng rng) {
        this(group, hidden, layerCount, LinearFactory.standard(), rng);
    }

    public List<EgnnLayer> layers() {
        return List.copyOf(layers);
    }

    @Override
    protected Graph apply(Graph g) {
        if (!g.hasVelocities() || g.edgeAttributes() == null || g.edgeAttributes().size(1) != 1) {
            throw new ShapeMismatchException(this + ": expects graphs with velocities and one edge attribute (q_i q_j), got "
                    + g);
        }
        Tensor v = g.velocities();
        Tensor speed = v.mul(v).sum(1, true).sqrt();
        Tensor x = g.positions();
        Tensor diff = x.indexSelect(0, g.receivers()).sub(x.indexSelect(0, g.senders()));
        Tensor squared = diff.mul(diff).sum(1, true);
        Tensor attributes = radial == null ? Tensors.concat(1, g.edgeAttributes(), squared)
                : Tensors.concat(1, g.edgeAttributes(), squared, radial.expand(squared));
        Graph h = g.withEdgeAttributes(GraphFields.invariantEdges(inType().group(), edgeAttributeCount()), attributes)
                .withNodes(outType(), embedding.forward(speed), x);
        for (EgnnLayer layer : layers) {
            h = layer.forward(h);
        }
        return h.withEdgeAttributes(g.edgeType(), g.edgeAttributes());
    }

    @Override
    public Tensor predict(Graph graph) {
        return forward(graph).positions();
    }

    @Override
    public Module module() {
        return this;
    }

    @Override
    public String toString() {
        return "EgnnNBodyModel(" + layers.size() + " layers, hidden " + outType().channels()
                + (radial == null ? "" : ", " + radial) + ")";
    }
}

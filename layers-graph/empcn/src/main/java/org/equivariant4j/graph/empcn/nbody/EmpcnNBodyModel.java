package org.equivariant4j.graph.empcn.nbody;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.GraphLayer;
import org.equivariant4j.graph.nbody.training.NBodyModel;
import org.equivariant4j.graph.empcn.CellLifting;
import org.equivariant4j.graph.empcn.EmpcnNetwork;
import org.equivariant4j.graph.empcn.EmpcnVariant;
import org.equivariant4j.graph.message.LinearFactory;

/**
 * An EMPCN for the charged N-body task, set up like the EGNN of the reference: node input |v_i|, edge
 * attributes {@code [q_i q_j, |x_i − x_j|²]} (the input distance, kept for every layer), the velocity term
 * in every layer, and the final positions as the prediction. The fully connected 5-body graphs are lifted
 * to 10 edge cells and their 10 triangles. A {@link GraphLayer} on graphs of one invariant channel with
 * velocities, so the test kit checks it for E(3) and node permutations.
 */
public final class EmpcnNBodyModel extends GraphLayer implements NBodyModel {
    private final EmpcnNetwork network;

    public EmpcnNBodyModel(Group group, int hidden, int layers, EmpcnVariant variant, CellLifting lifting,
            LinearFactory factory, Rng rng) {
        super(GraphFields.scalars(group, 1), GraphFields.scalars(group, hidden));
        this.network = registerModule("network", EmpcnNetwork.builder(group, 1, hidden).layers(layers).edgeAttributes(2)
                .variant(variant).velocity(true).lifting(lifting).linearFactory(factory).rng(rng).build());
    }

    public EmpcnNBodyModel(Group group, int hidden, int layers, EmpcnVariant variant, Rng rng) {
        this(group, hidden, layers, variant, CellLifting.triangles(), LinearFactory.standard(), rng);
    }

    public EmpcnNetwork network() {
        return network;
    }

    @Override
    protected Graph apply(Graph g) {
        if (!g.hasVelocities() || g.edgeAttributes() == null || g.edgeAttributes().size(1) != 1) {
            throw new ShapeMismatchException(this + ": expects graphs with velocities and one edge attribute (q_i q_j), got "
                    + g);
        }
        Tensor v = g.velocities();
        Tensor x = g.positions();
        Tensor diff = x.indexSelect(0, g.receivers()).sub(x.indexSelect(0, g.senders()));
        Tensor attributes = Tensors.concat(1, g.edgeAttributes(), diff.mul(diff).sum(1, true));
        Graph input = g.withEdgeAttributes(GraphFields.invariantEdges(inType().group(), 2), attributes)
                .withNodes(inType(), v.mul(v).sum(1, true).sqrt(), x);
        Graph out = network.forward(input);
        return out.withEdgeAttributes(g.edgeType(), g.edgeAttributes());
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
        return "EmpcnNBodyModel(" + network + ")";
    }
}

package org.equivariant4j.graph.egnn.plugin;

import java.util.List;

import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.egnn.EgnnLayer;

/**
 * {@code egnn}: an EGNN layer (4 → 4 channels, hidden 8, one edge attribute, velocity term) bound to a
 * batch of two fully connected triangles with velocities, as a core layer on 6 points with packed
 * features (4 scalars ⊕ the velocity), so tools and the test kit can check it on any group acting on R^n
 * by rigid motions (E(n), O(n), SE(n), SO(n), their finite subgroups).
 */
final class EgnnLayerProvider implements org.equivariant4j.core.spi.LayerProvider {

    @Override
    public String id() {
        return "egnn";
    }

    @Override
    public String description() {
        return "EGNN layer (Satorras et al. 2021) with velocity term, bound to two fully connected triangles (6 points)";
    }

    @Override
    public List<String> groups() {
        return List.of("E(3)", "O(3)", "E(2)");
    }

    @Override
    public Module create(Group group, long seed) {
        if (!(group.identity() instanceof EuclideanAction a)) {
            throw new UnsupportedFeatureException("egnn: " + group.name() + " does not act on R^n; use E(n), O(n), SE(n) or"
                    + " SO(n)");
        }
        int n = a.spaceDimension();
        Rng rng = new Rng(seed);
        EgnnLayer layer = EgnnLayer.builder(group, 4, 8, 4).edgeAttributes(1).velocity(true).rng(rng).build();
        EdgeIndex edges = Connectivity.fullyConnected(2, 3);
        Graph topology = Graph.builder(GraphFields.scalars(group, 4)).features(Tensors.zeros(DType.FLOAT32, 6, 4))
                .positions(Tensors.zeros(DType.FLOAT32, 6, n)).velocities(Tensors.zeros(DType.FLOAT32, 6, n)).edges(edges)
                .edgeAttributes(GraphFields.invariantEdges(group, 1), Tensors.randn(rng, DType.FLOAT32, edges.size(), 1))
                .batch(new int[] {0, 0, 0, 1, 1, 1}, 2).build();
        return layer.bind(topology);
    }
}

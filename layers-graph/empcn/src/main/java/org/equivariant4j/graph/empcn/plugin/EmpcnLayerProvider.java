package org.equivariant4j.graph.empcn.plugin;

import java.util.List;
import java.util.Locale;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.graph.empcn.CellLifting;
import org.equivariant4j.graph.empcn.EmpcnNetwork;
import org.equivariant4j.graph.empcn.EmpcnVariant;

/**
 * {@code empcn} / {@code empcn-decoupled}: a one-layer EMPCN (3 → 4 channels, one edge attribute, velocity
 * term) bound to a complete graph on 4 nodes and a triangle (7 points; lifted to 9 edges and 5 triangles),
 * as a core layer on packed node fields, for tools and the test kit on any group acting on R^n by rigid motions.
 */
final class EmpcnLayerProvider implements LayerProvider {
    private final EmpcnVariant variant;

    EmpcnLayerProvider(EmpcnVariant variant) {
        this.variant = variant;
    }

    @Override
    public String id() {
        return variant == EmpcnVariant.COUPLED ? "empcn" : "empcn-decoupled";
    }

    @Override
    public String description() {
        return "EMPCN layer (Kovač et al. 2024), " + variant.name().toLowerCase(Locale.ROOT)
                + ", bound to K4 and a pair lifted to edges and triangles (6 points)";
    }

    @Override
    public List<String> groups() {
        return List.of("E(3)", "O(3)", "E(2)");
    }

    @Override
    public Module create(Group group, long seed) {
        if (!(group.identity() instanceof EuclideanAction a)) {
            throw new UnsupportedFeatureException(id() + ": " + group.name() + " does not act on R^n; use E(n), O(n), SE(n)"
                    + " or SO(n)");
        }
        int n = a.spaceDimension();
        Rng rng = new Rng(seed);
        EmpcnNetwork network = EmpcnNetwork.builder(group, 3, 4).layers(1).edgeAttributes(1).variant(variant).velocity(true)
                .lifting(CellLifting.triangles()).rng(rng).build();
        EdgeIndex edges = Connectivity.fullyConnected(new int[] {4, 2}, false);
        Graph topology = Graph.builder(GraphFields.scalars(group, 3)).features(Tensors.zeros(DType.FLOAT32, 6, 3))
                .positions(Tensors.zeros(DType.FLOAT32, 6, n)).velocities(Tensors.zeros(DType.FLOAT32, 6, n)).edges(edges)
                .edgeAttributes(GraphFields.invariantEdges(group, 1), Tensors.randn(rng, DType.FLOAT32, edges.size(), 1))
                .batch(new int[] {0, 0, 0, 0, 1, 1}, 2).build();
        return network.bind(topology);
    }
}

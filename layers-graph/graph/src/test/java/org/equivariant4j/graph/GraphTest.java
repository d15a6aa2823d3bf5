package org.equivariant4j.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.Test;

class GraphTest {
    private static final EuclideanGroup E3 = EuclideanGroup.full(3);
    private static final FieldType SCALARS2 = GraphFields.scalars(E3, 2);

    private static Graph graph(int n, long seed) {
        Rng rng = new Rng(seed);
        EdgeIndex e = Connectivity.fullyConnected(1, n);
        return Graph.builder(SCALARS2).features(Tensors.randn(rng, DType.FLOAT64, n, 2))
                .positions(Tensors.randn(rng, DType.FLOAT64, n, 3)).velocities(Tensors.randn(rng, DType.FLOAT64, n, 3))
                .edges(e).edgeAttributes(GraphFields.invariantEdges(E3, 1), Tensors.randn(rng, DType.FLOAT64, e.size(), 1))
                .build();
    }

    @Test
    void batchingIsBlockDiagonal() {
        Graph a = graph(3, 1);
        Graph b = graph(2, 2);
        Graph g = Graph.batch(a, b);
        assertThat(g.numGraphs()).isEqualTo(2);
        assertThat(g.numNodes()).isEqualTo(5);
        assertThat(g.numEdges()).isEqualTo(6 + 2);
        assertThat(g.batch()).containsExactly(0, 0, 0, 1, 1);
        assertThat(g.graphSizes()).containsExactly(3, 2);
        assertThat(g.edges().senders()).endsWith(4, 3);
        assertThat(g.edges().receivers()).endsWith(3, 4);
        assertThat(g.positions().narrow(0, 3, 2).toDoubleArray()).containsExactly(b.positions().toDoubleArray());
        assertThat(g.edgeAttributes().narrow(0, 6, 2).toDoubleArray()).containsExactly(b.edgeAttributes().toDoubleArray());
        assertThat(g.senders().toLongArray()).containsExactly(1, 2, 0, 2, 0, 1, 4, 3);
        assertThat(Graph.batch(g, a).numGraphs()).isEqualTo(3);
    }

    @Test
    void transformMovesPositionsRotatesVelocitiesAndKeepsScalarsAndDistances() {
        Graph g = graph(4, 3);
        GroupElement el = E3.sample(new Rng(9));
        Graph t = g.transform(el);
        assertThat(t.features().toDoubleArray()).containsExactly(g.features().toDoubleArray());
        assertThat(t.edgeAttributes().toDoubleArray()).containsExactly(g.edgeAttributes().toDoubleArray());
        double[] d0 = distances(g.positions());
        double[] d1 = distances(t.positions());
        for (int i = 0; i < d0.length; i++) {
            assertThat(d1[i]).isCloseTo(d0[i], within(1e-12));
        }
        double[] v0 = g.velocities().mul(g.velocities()).sum(1, false).toDoubleArray();
        double[] v1 = t.velocities().mul(t.velocities()).sum(1, false).toDoubleArray();
        assertThat(v1).containsExactly(v0, within(1e-12));
        // a pure translation moves positions only
        Graph moved = g.transform(E3.translation(1, 2, 3));
        assertThat(moved.velocities().toDoubleArray()).containsExactly(g.velocities().toDoubleArray(), within(1e-15));
        assertThat(moved.positions().sub(g.positions()).toDoubleArray()).containsExactly(
                new double[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3}, within(1e-12));
    }

    @Test
    void vectorFeaturesRotateWithTheLinearPart() {
        FieldType type = GraphFields.scalarsAndVectors(E3, 1, 1);
        Rng rng = new Rng(4);
        Graph g = Graph.builder(type).features(Tensors.randn(rng, DType.FLOAT64, 2, 4))
                .positions(Tensors.randn(rng, DType.FLOAT64, 2, 3)).build();
        GroupElement el = E3.sample(rng);
        Graph t = g.transform(el);
        Tensor vector = g.features().narrow(1, 1, 3);
        Tensor rotated = t.features().narrow(1, 1, 3);
        assertThat(rotated.mul(rotated).sum().item()).isCloseTo(vector.mul(vector).sum().item(), within(1e-12));
        assertThat(t.features().narrow(1, 0, 1).toDoubleArray()).containsExactly(g.features().narrow(1, 0, 1).toDoubleArray());
    }

    @Test
    void permutationRenumbersNodesAndEdgesConsistently() {
        Graph g = Graph.batch(graph(3, 5), graph(2, 6));
        int[] order = {4, 0, 2, 3, 1};
        Graph p = g.permute(order);
        assertThat(p.batch()).containsExactly(1, 0, 0, 1, 0);
        double[] pos = g.positions().toDoubleArray();
        double[] ppos = p.positions().toDoubleArray();
        for (int k = 0; k < 5; k++) {
            for (int d = 0; d < 3; d++) {
                assertThat(ppos[k * 3 + d]).isEqualTo(pos[order[k] * 3 + d]);
            }
        }
        for (int e = 0; e < g.numEdges(); e++) {
            assertThat(order[p.edges().senders()[e]]).isEqualTo(g.edges().senders()[e]);
            assertThat(order[p.edges().receivers()[e]]).isEqualTo(g.edges().receivers()[e]);
        }
        assertThatThrownBy(() -> g.permute(new int[] {0, 0, 1, 2, 3})).hasMessageContaining("not a permutation");
    }

    @Test
    void badShapesAndCrossGraphEdgesAreRefused() {
        Rng rng = new Rng(7);
        assertThatThrownBy(() -> Graph.builder(SCALARS2).features(Tensors.randn(rng, DType.FLOAT64, 3, 5))
                .positions(Tensors.randn(rng, DType.FLOAT64, 3, 3)).build()).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("node features [3, 2]").hasMessageContaining("[3, 5]");
        assertThatThrownBy(() -> Graph.builder(SCALARS2).features(Tensors.randn(rng, DType.FLOAT64, 3, 2))
                .positions(Tensors.randn(rng, DType.FLOAT64, 3, 2)).build()).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("positions [3, 3]");
        assertThatThrownBy(() -> Graph.builder(SCALARS2).features(Tensors.randn(rng, DType.FLOAT64, 3, 2))
                .positions(Tensors.randn(rng, DType.FLOAT64, 3, 3)).edges(new EdgeIndex(new int[] {0}, new int[] {2}))
                .batch(new int[] {0, 0, 1}, 2).build()).hasMessageContaining("edges must stay within one graph");
        assertThatThrownBy(() -> Graph.builder(SCALARS2).features(Tensors.randn(rng, DType.FLOAT64, 3, 2))
                .positions(Tensors.randn(rng, DType.FLOAT64, 3, 3)).edges(new EdgeIndex(new int[] {0}, new int[] {7}))
                .build()).hasMessageContaining("outside the 3 nodes");
    }

    @Test
    void packingRoundTripsFeaturesAndVelocities() {
        Graph g = graph(3, 8);
        var packed = GraphFields.pack(g);
        assertThat(packed.type().channels()).isEqualTo(5);
        Graph back = GraphFields.unpack(g, g.nodeType(), true, packed);
        assertThat(back.features().toDoubleArray()).containsExactly(g.features().toDoubleArray());
        assertThat(back.velocities().toDoubleArray()).containsExactly(g.velocities().toDoubleArray());
    }

    private static double[] distances(Tensor positions) {
        double[] p = positions.toDoubleArray();
        int n = p.length / 3;
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int d = 0; d < 3; d++) {
                    s += (p[i * 3 + d] - p[j * 3 + d]) * (p[i * 3 + d] - p[j * 3 + d]);
                }
                out[i * n + j] = Math.sqrt(s);
            }
        }
        return out;
    }
}

package org.equivariant4j.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.Test;

class ConnectivityTest {

    @Test
    void fullyConnectedListsEveryOrderedPairWithinEachGraph() {
        EdgeIndex e = Connectivity.fullyConnected(new int[] {3, 1, 2}, false);
        assertThat(e.size()).isEqualTo(6 + 0 + 2);
        assertThat(e.receivers()).containsExactly(0, 0, 1, 1, 2, 2, 4, 5);
        assertThat(e.senders()).containsExactly(1, 2, 0, 2, 0, 1, 5, 4);
        assertThat(Connectivity.fullyConnected(new int[] {2}, true).size()).isEqualTo(4);
    }

    @Test
    void radiusAndKnnMatchABruteForceCount() {
        Rng rng = new Rng(1);
        Tensor p = Tensors.randn(rng, DType.FLOAT64, 9, 3);
        int[] batch = {0, 0, 0, 0, 0, 1, 1, 1, 1};
        double[] x = p.toDoubleArray();
        EdgeIndex r = Connectivity.radius(p, batch, 1.5);
        int expected = 0;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                if (i != j && batch[i] == batch[j] && dist(x, i, j) <= 1.5) {
                    expected++;
                }
            }
        }
        assertThat(r.size()).isEqualTo(expected);
        EdgeIndex k = Connectivity.knn(p, batch, 2);
        assertThat(k.size()).isEqualTo(9 * 2);
        for (int e = 0; e < k.size(); e++) {
            int i = k.receivers()[e];
            int j = k.senders()[e];
            assertThat(batch[i]).isEqualTo(batch[j]);
            int closer = 0;
            for (int m = 0; m < 9; m++) {
                if (m != i && batch[m] == batch[i] && dist(x, i, m) < dist(x, i, j)) {
                    closer++;
                }
            }
            assertThat(closer).as("neighbours of %d closer than %d", i, j).isLessThan(2);
        }
        assertThat(Connectivity.knn(p, batch, 10).size()).isEqualTo(5 * 4 + 4 * 3);
    }

    @Test
    void radiusGraphsAreInvariantUnderRigidMotionsAndFollowPermutations() {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        Rng rng = new Rng(2);
        Tensor p = Tensors.randn(rng, DType.FLOAT64, 8, 3);
        int[] batch = new int[8];
        Graph g = Graph.builder(GraphFields.scalars(e3, 1)).features(Tensors.zeros(DType.FLOAT64, 8, 1)).positions(p).build();
        Set<String> before = pairs(Connectivity.radius(p, batch, 1.2), null);
        GroupElement el = e3.sample(rng);
        assertThat(pairs(Connectivity.radius(g.transform(el).positions(), batch, 1.2), null)).isEqualTo(before);
        int[] order = rng.permutation(8);
        Graph permuted = g.permute(order);
        assertThat(pairs(Connectivity.radius(permuted.positions(), batch, 1.2), order)).isEqualTo(before);
    }

    private static Set<String> pairs(EdgeIndex e, int[] order) {
        Set<String> out = new HashSet<>();
        for (int k = 0; k < e.size(); k++) {
            int s = e.senders()[k];
            int r = e.receivers()[k];
            out.add(order == null ? s + ">" + r : order[s] + ">" + order[r]);
        }
        return out;
    }

    private static double dist(double[] x, int i, int j) {
        double s = 0;
        for (int d = 0; d < 3; d++) {
            s += (x[i * 3 + d] - x[j * 3 + d]) * (x[i * 3 + d] - x[j * 3 + d]);
        }
        return Math.sqrt(s);
    }
}

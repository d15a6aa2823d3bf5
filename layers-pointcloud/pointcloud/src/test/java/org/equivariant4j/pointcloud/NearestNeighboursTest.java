package org.equivariant4j.pointcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    @Test
    void withinGivesTheGraphModulesKnnEdges() {
        PointCloud c = PointCloudTest.twoClouds(7);
        for (int k : new int[] {0, 1, 3, 4, 10}) {
            assertThat(NearestNeighbours.within(c, k)).as("k=%d", k)
                    .isEqualTo(Connectivity.knn(c.positions(), c.batch(), k));
        }
    }

    @Test
    void bipartiteEdgesAreTheKNearestReferencesOfTheSameCloud() {
        Rng rng = new Rng(8);
        Tensor q = Tensors.randn(rng, DType.FLOAT64, 6, 3);
        Tensor r = Tensors.randn(rng, DType.FLOAT64, 7, 3);
        int[] qc = {0, 0, 0, 1, 1, 1};
        int[] rc = {0, 1, 0, 1, 0, 1, 1};
        EdgeIndex e = NearestNeighbours.bipartite(q, qc, r, rc, 2);
        double[] qp = q.toDoubleArray();
        double[] rp = r.toDoubleArray();
        assertThat(e.size()).isEqualTo(12);
        int[] s = e.senders();
        int[] rec = e.receivers();
        for (int edge = 0; edge < e.size(); edge++) {
            int i = rec[edge];
            int j = s[edge];
            assertThat(rc[j]).isEqualTo(qc[i]);
            // no reference of the cloud outside the chosen ones is closer than a chosen one
            int closer = 0;
            for (int other = 0; other < rc.length; other++) {
                if (rc[other] == qc[i] && dist(qp, i, rp, other) < dist(qp, i, rp, j)) {
                    closer++;
                }
            }
            assertThat(closer).as("edge %d -> %d", j, i).isLessThan(2);
        }
        // receiver-major
        for (int edge = 1; edge < e.size(); edge++) {
            assertThat(rec[edge]).isGreaterThanOrEqualTo(rec[edge - 1]);
        }
    }

    @Test
    void unionCoalescesDuplicatesAndReverses() {
        EdgeIndex a = new EdgeIndex(new int[] {0, 1, 2}, new int[] {1, 1, 0});
        EdgeIndex b = new EdgeIndex(new int[] {1, 0}, new int[] {1, 0});
        EdgeIndex u = EdgeUnion.of(3, 2, a, b);
        assertThat(u.senders()).containsExactly(0, 2, 0, 1);
        assertThat(u.receivers()).containsExactly(0, 0, 1, 1);
        assertThat(EdgeUnion.reversed(u).senders()).containsExactly(0, 0, 1, 1);
        assertThatThrownBy(() -> EdgeUnion.of(2, 2, a)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void negativeKIsRefused() {
        assertThatThrownBy(() -> NearestNeighbours.within(PointCloudTest.twoClouds(1), -1))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("k must be >= 0");
    }

    private static double dist(double[] a, int i, double[] b, int j) {
        double d = 0;
        for (int t = 0; t < 3; t++) {
            d += (a[3 * i + t] - b[3 * j + t]) * (a[3 * i + t] - b[3 * j + t]);
        }
        return d;
    }
}

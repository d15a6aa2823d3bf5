package org.equivariant4j.pointcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.group.EuclideanAction;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.EuclideanGroup;
import org.junit.jupiter.api.Test;

class PointCloudTest {

    static PointCloud twoClouds(long seed) {
        Rng rng = new Rng(seed);
        PointCloud a = PointCloud.single(Tensors.randn(rng, DType.FLOAT64, 5, 3).mul(3).add(2));
        PointCloud b = PointCloud.single(Tensors.randn(rng, DType.FLOAT64, 4, 3).mul(0.5).sub(7));
        return PointCloud.batch(List.of(a, b));
    }

    @Test
    void normalisationPutsEachCloudInTheUnitBallTouchingTheSphere() {
        PointCloud c = twoClouds(1).normalizedToUnitBall();
        double[] p = c.positions().toDoubleArray();
        int[] batch = c.batch();
        double[] max = new double[2];
        double[][] sum = new double[2][3];
        for (int i = 0; i < batch.length; i++) {
            double r = Math.sqrt(p[3 * i] * p[3 * i] + p[3 * i + 1] * p[3 * i + 1] + p[3 * i + 2] * p[3 * i + 2]);
            max[batch[i]] = Math.max(max[batch[i]], r);
            for (int d = 0; d < 3; d++) {
                sum[batch[i]][d] += p[3 * i + d];
            }
        }
        assertThat(max[0]).isCloseTo(1.0, within(1e-12));
        assertThat(max[1]).isCloseTo(1.0, within(1e-12));
        for (double[] s : sum) {
            assertThat(s).containsExactly(new double[] {0, 0, 0}, within(1e-12));
        }
    }

    @Test
    void normalisationIsInvariantToRigidMotionsUpToTheRotation() {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        PointCloud c = twoClouds(2);
        EuclideanAction g = (EuclideanAction) e3.sample(new Rng(3));
        // normalise(g x) = A normalise(x): the translation and the scale drop out
        double[] left = c.transform(g).normalizedToUnitBall().positions().toDoubleArray();
        double[] right = c.normalizedToUnitBall().positions().matmul(
                Tensors.of(g.linearPart().toRowMajor(), DType.FLOAT64, 3, 3).transpose(0, 1)).toDoubleArray();
        assertThat(left).containsExactly(right, within(1e-10));
    }

    @Test
    void aSinglePointCloudNormalisesToTheOriginWithoutNaN() {
        PointCloud c = PointCloud.single(Tensors.of(new double[] {4, 5, 6}, DType.FLOAT64, 1, 3)).normalizedToUnitBall();
        assertThat(c.positions().toDoubleArray()).containsExactly(0, 0, 0);
    }

    @Test
    void transformMovesPositionsAndTurnsNormals() {
        EuclideanGroup e3 = EuclideanGroup.full(3);
        Rng rng = new Rng(4);
        PointCloud c = twoClouds(4).withNormals(Tensors.randn(rng, DType.FLOAT64, 9, 3));
        EuclideanAction g = (EuclideanAction) e3.sample(rng);
        PointCloud moved = c.transform(g);
        double[] p = c.positions().toDoubleArray();
        double[] n = c.normals().toDoubleArray();
        double[] mp = moved.positions().toDoubleArray();
        double[] mn = moved.normals().toDoubleArray();
        for (int i = 0; i < 9; i++) {
            double[] expected = g.apply(new double[] {p[3 * i], p[3 * i + 1], p[3 * i + 2]});
            double[] turned = g.linearPart().multiply(new double[] {n[3 * i], n[3 * i + 1], n[3 * i + 2]});
            for (int d = 0; d < 3; d++) {
                assertThat(mp[3 * i + d]).isCloseTo(expected[d], within(1e-12));
                assertThat(mn[3 * i + d]).isCloseTo(turned[d], within(1e-12));
            }
        }
    }

    @Test
    void permuteReordersEverythingPerPoint() {
        PointCloud c = twoClouds(5).withFeatures(Tensors.arange(0, 9, 1, DType.FLOAT64).reshape(9, 1));
        int[] order = {8, 0, 7, 1, 6, 2, 5, 3, 4};
        PointCloud p = c.permute(order);
        assertThat(p.features().toDoubleArray()).containsExactly(8, 0, 7, 1, 6, 2, 5, 3, 4);
        assertThat(p.batch()).containsExactly(1, 0, 1, 0, 1, 0, 1, 0, 0);
        double[] before = c.positions().toDoubleArray();
        double[] after = p.positions().toDoubleArray();
        assertThat(after[0]).isEqualTo(before[24]);
        assertThat(p.cloudSizes()).containsExactly(5, 4);
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        Tensor p = Tensors.zeros(DType.FLOAT64, 3, 3);
        assertThatThrownBy(() -> PointCloud.of(p, new int[] {0, 0}, 1)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("expected positions [2, 3] but was [3, 3]");
        assertThatThrownBy(() -> PointCloud.of(p, new int[] {0, 0, 2}, 2)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("batch[2] = 2");
        assertThatThrownBy(() -> PointCloud.of(p, new int[] {0, 0, 0}, 2)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("cloud 1 of 2 has no points");
        assertThatThrownBy(() -> PointCloud.single(p).permute(new int[] {0, 0, 1})).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> PointCloud.fromDense(Tensors.zeros(DType.FLOAT64, 2, 3), null))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("[B, N, 3]");
    }

    @Test
    void denseBatchesBecomeClouds() {
        PointCloud c = PointCloud.fromDense(Tensors.zeros(DType.FLOAT32, 3, 4, 3), Tensors.ones(DType.FLOAT32, 3, 4, 3));
        assertThat(c.numClouds()).isEqualTo(3);
        assertThat(c.cloudSizes()).containsExactly(4, 4, 4);
        assertThat(c.normals().shape()).containsExactly(12, 3);
    }
}

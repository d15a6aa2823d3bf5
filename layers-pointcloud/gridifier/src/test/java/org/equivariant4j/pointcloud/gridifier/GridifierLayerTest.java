package org.equivariant4j.pointcloud.gridifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.Graph;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.pointcloud.NearestNeighbours;
import org.equivariant4j.pointcloud.PointCloud;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;

/** Float64 finite-difference gradient checks of the new differentiable pieces, and their shapes and refusals. */
class GridifierLayerTest {
    private static final Grid GRID = new Grid(3);

    @Test
    void fourierEmbeddingIsSinAndCosOfTheProjectionAndDifferentiable() {
        RandomFourierEmbedding emb = new RandomFourierEmbedding(4, 1.0, DType.FLOAT64, new Rng(1));
        Tensor x = Tensors.randn(new Rng(2), DType.FLOAT64, 5, 3);
        Tensor y = emb.forward(x);
        assertThat(y.shape()).containsExactly(5, 8);
        double[] v = y.toDoubleArray();
        for (int i = 0; i < 5; i++) {
            for (int f = 0; f < 4; f++) {
                double s = v[8 * i + f];
                double c = v[8 * i + 4 + f];
                assertThat(s * s + c * c).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        GradientCheck.of("RandomFourierEmbedding", in -> emb.forward(in[0]), x).assertCorrect();
        assertThat(emb.parameterCount()).as("the frequencies are a buffer, not trained").isZero();
        assertThat(emb.stateDict()).containsKey("frequencies");
    }

    @Test
    void gridifierGradientsInFeaturesPositionsAndParameters() {
        PointCloud cloud = Clouds.random(3, DType.FLOAT64, 6, 4);
        GridEdges edges = GridEdges.of(cloud, GRID, 2);
        Gridifier g = new Gridifier(2, 5, 3, 3, 1.0, DType.FLOAT64, new Rng(4));
        Tensor h = Tensors.randn(new Rng(5), DType.FLOAT64, 10, 2);
        Tensor out = g.forward(cloud.positions(), h, edges);
        assertThat(out.shape()).containsExactly(2, 3, 3, 3, 3);
        GradientCheck.of("Gridifier", in -> g.forward(in[1], in[0], edges), h, cloud.positions()).assertCorrect();
        g.namedParameters().keySet().forEach(name -> ParameterGradientCheck.of(g, name,
                () -> g.forward(cloud.positions(), h, edges)).assertCorrect());
    }

    @Test
    void everyNodeHearsFromItsNearestPointsSoNoNodeIsLeftEmpty() {
        // one point and k = 1: the point is the nearest point of all 27 nodes, so all of them receive its message,
        // each a different one (the relative positions differ)
        PointCloud cloud = PointCloud.single(Tensors.of(new double[] {0.9, 0.9, 0.9}, DType.FLOAT64, 1, 3));
        GridEdges edges = GridEdges.of(cloud, GRID, 1);
        assertThat(edges.numEdges()).isEqualTo(27);
        Gridifier g = new Gridifier(1, 4, 1, 2, 1.0, DType.FLOAT64, new Rng(6));
        double[] out = g.forward(cloud.positions(), Tensors.ones(DType.FLOAT64, 1, 1), edges).toDoubleArray();
        assertThat(java.util.Arrays.stream(out).distinct().count()).isGreaterThan(20);
    }

    @Test
    void degridifierGradientsInGridPointsAndParameters() {
        PointCloud cloud = Clouds.random(7, DType.FLOAT64, 5, 3);
        GridEdges edges = GridEdges.of(cloud, GRID, 2);
        Degridifier d = new Degridifier(2, 3, 4, 2, 2, 1.0, DType.FLOAT64, new Rng(8));
        Tensor grid = Tensors.randn(new Rng(9), DType.FLOAT64, 2, 2, 3, 3, 3);
        Tensor h = Tensors.randn(new Rng(10), DType.FLOAT64, 8, 3);
        assertThat(d.forward(grid, cloud.positions(), h, edges).shape()).containsExactly(8, 2);
        GradientCheck.of("Degridifier", in -> d.forward(in[0], in[2], in[1], edges), grid, h, cloud.positions())
                .assertCorrect();
        d.namedParameters().keySet().forEach(name -> ParameterGradientCheck.of(d, name,
                () -> d.forward(grid, cloud.positions(), h, edges)).assertCorrect());
    }

    @Test
    void edgeConvGradients() {
        PointCloud cloud = Clouds.random(11, DType.FLOAT64, 6, 5);
        EdgeConv conv = new EdgeConv(3, 6, 4, DType.FLOAT64, new Rng(12));
        Tensor h = Tensors.randn(new Rng(13), DType.FLOAT64, 11, 3);
        var knn = NearestNeighbours.within(cloud, 3);
        java.util.function.BiFunction<Tensor, Tensor, Tensor> run = (feat, pos) -> conv.forward(Graph.builder(
                GraphFields.scalars(EuclideanGroup.full(3), 3)).features(feat).positions(pos).edges(knn)
                .batch(cloud.batch(), 2).build()).features();
        GradientCheck.of("EdgeConv", in -> run.apply(in[0], in[1]), h, cloud.positions()).assertCorrect();
        conv.namedParameters().keySet().forEach(name -> ParameterGradientCheck.of(conv, name,
                () -> run.apply(h, cloud.positions())).assertCorrect());
    }

    @Test
    void wrongShapesAreRefusedNamingTheLayer() {
        PointCloud cloud = Clouds.random(14, DType.FLOAT64, 5);
        GridEdges edges = GridEdges.of(cloud, GRID, 2);
        Gridifier g = new Gridifier(2, 4, 3, 2, 1.0, DType.FLOAT64, new Rng(15));
        assertThatThrownBy(() -> g.forward(cloud.positions(), Tensors.zeros(DType.FLOAT64, 5, 3), edges))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("Gridifier(2 -> 3)")
                .hasMessageContaining("expected point features [5, 2] but was [5, 3]");
        Degridifier d = new Degridifier(3, 0, 4, 2, 2, 1.0, DType.FLOAT64, new Rng(16));
        assertThatThrownBy(() -> d.forward(Tensors.zeros(DType.FLOAT64, 1, 3, 4, 4, 4), cloud.positions(), null, edges))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("expected grid features [1, 3, 3, 3, 3]");
        PointBaseline needsNormals = new PointBaseline(PointBaseline.Task.CLASSIFY, 2, 4, 4, true, 3, DType.FLOAT64, new Rng(1));
        assertThatThrownBy(() -> needsNormals.forward(PointCloud.single(cloud.positions())))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("reads normals");
    }
}

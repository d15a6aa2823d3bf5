package org.equivariant4j.pointcloud.gridifier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.equivariance.PermutationEquivariance;
import org.equivariant4j.equivariance.PermutationReport;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.graph.GraphFields;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.pointcloud.PointCloud;
import org.junit.jupiter.api.Test;

/**
 * The kit's permutation checks: the classifiers are invariant to renumbering the points, the segmenters equivariant
 * (both models, in training mode, where batch norm uses the batch's statistics, and in eval mode; the gridifier
 * segmenter with either de-gridification reach); a negative control that reads point 0 fails. Float64, within
 * 1e-10: the mean and max over edges add the same numbers in another order, so only rounding differs.
 */
class PermutationTest {
    private static final int CLASSES = 4;
    private static final Tolerance TIGHT = Tolerance.of(1e-10, 1e-10);

    private static FieldType logitType(int k, boolean perPoint) {
        return FieldType.of(perPoint ? Domain.points(3) : Domain.vectors(),
                GraphFields.scalars(EuclideanGroup.full(3), k).representation());
    }

    private static PermutationReport invariance(String name, Function<PointCloud, Tensor> f, PointCloud cloud, long seed) {
        return PermutationEquivariance.of(name, (PointCloud x) -> GeometricTensor.of(f.apply(x), logitType(CLASSES, false)),
                PointCloud::permute).measureInvariance(cloud, PermutationEquivariance.random(cloud.numPoints(), 4, seed));
    }

    private static PermutationReport equivariance(String name, Function<PointCloud, Tensor> f, PointCloud cloud, long seed) {
        return PermutationEquivariance.of(name, (PointCloud x) -> GeometricTensor.ofPoints(f.apply(x), x.positions(),
                logitType(CLASSES, true)), PointCloud::permute)
                .measure(cloud, PermutationEquivariance.random(cloud.numPoints(), 4, seed));
    }

    private static GridifierConfig small() {
        return GridifierConfig.defaults().withGrid(new Grid(5)).withK(3).withChannels(4);
    }

    @Test
    void gridifierClassifierIsInvariant() {
        PointCloud cloud = Clouds.random(1, DType.FLOAT64, 30, 20);
        GridifierClassifier m = new GridifierClassifier(small(), true, CLASSES, DType.FLOAT64, new Rng(2));
        invariance(m.toString(), m::forward, cloud, 3).assertWithin(TIGHT);
        m.eval();
        invariance(m.toString(), m::forward, cloud, 4).assertWithin(TIGHT);
    }

    @Test
    void gridifierSegmenterIsEquivariant() {
        PointCloud cloud = Clouds.random(5, DType.FLOAT64, 25, 15);
        for (GridifierSegmenter.Reach reach : GridifierSegmenter.Reach.values()) {
            GridifierSegmenter m = new GridifierSegmenter(small(), reach, false, CLASSES, DType.FLOAT64, new Rng(6));
            equivariance(m.toString(), m::forward, cloud, 7).assertWithin(TIGHT);
            m.eval();
            equivariance(m.toString(), m::forward, cloud, 8).assertWithin(TIGHT);
        }
    }

    @Test
    void baselineClassifierIsInvariantAndSegmenterEquivariant() {
        PointCloud cloud = Clouds.random(8, DType.FLOAT64, 20, 12);
        PointBaseline c = new PointBaseline(PointBaseline.Task.CLASSIFY, 4, 6, 8, true, CLASSES, DType.FLOAT64, new Rng(9));
        invariance(c.toString(), c::forward, cloud, 10).assertWithin(TIGHT);
        PointBaseline s = new PointBaseline(PointBaseline.Task.SEGMENT, 4, 6, 8, false, CLASSES, DType.FLOAT64, new Rng(11));
        equivariance(s.toString(), s::forward, cloud, 12).assertWithin(TIGHT);
    }

    @Test
    void theCheckCatchesAClassifierThatReadsPointZero() {
        PointCloud cloud = Clouds.random(13, DType.FLOAT64, 20, 10);
        GridifierClassifier m = new GridifierClassifier(small(), false, CLASSES, DType.FLOAT64, new Rng(14));
        Function<PointCloud, Tensor> broken = x -> m.forward(x).add(x.positions().narrow(0, 0, 1).sum(1, true));
        PermutationReport r = invariance("reads point 0", broken, cloud, 15);
        assertThatThrownBy(() -> r.assertWithin(Tolerance.of(1e-3, 1e-3))).isInstanceOf(AssertionError.class);
    }
}

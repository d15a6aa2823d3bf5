package org.equivariant4j.gconv.se3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.SO3;
import org.equivariant4j.nn.equivariant.EquivariantSequential;
import org.equivariant4j.nn.equivariant.PointwiseNonlinearity;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.junit.jupiter.api.Test;

/**
 * Layers on a uniform 12-rotation grid of SO(3) (not a group): equivariance is approximate. Measured per
 * element of SO(3)'s 24 cube rotations (the rotations that move voxels exactly, so the measured error is the
 * grid's alone) on smooth inputs, printed, and held to the tolerance the layers declare.
 */
class UniformGridEquivarianceTest {
    private static final RotationGrid GRID = RotationGrid.uniform(12);
    private static final List<GroupElement> CUBE_ROTATIONS = SO3.group().testingElements().subList(0, 24);

    /** Smooth random volumes: white noise averaged over 3x3x3 neighbourhoods twice. */
    private static Tensor smooth(Rng rng, int... shape) {
        PoolSpec blur = new PoolSpec(new int[] {3, 3, 3}, new int[] {1, 1, 1}, new int[] {1, 1, 1});
        return Tensors.randn(rng, DType.FLOAT64, shape).avgPool(blur).avgPool(blur);
    }

    private static EquivarianceReport measure(EquivariantLayer layer, Tensor input, boolean invariance) {
        EquivarianceChecker checker = EquivarianceChecker.of(layer).inDType(DType.FLOAT64);
        List<GeometricTensor> inputs = List.of(GeometricTensor.of(input, layer.inType()));
        EquivarianceReport report = invariance ? checker.measureInvariance(CUBE_ROTATIONS, inputs)
                : checker.measure(CUBE_ROTATIONS, inputs);
        System.out.println(report.describe());
        return report;
    }

    private static double worstRelative(EquivarianceReport report) {
        return report.errors().stream().mapToDouble(e -> e.maxRelative()).max().orElseThrow();
    }

    @Test
    void liftingIsApproximatelyEquivariantWithinItsDeclaredTolerance() {
        SE3LiftingConv lift = new SE3LiftingConv(GRID, 1, 2, 3, 1, new Rng(3));
        Tensor x = smooth(new Rng(4), 2, 1, 6, 6, 6);
        EquivarianceReport report = measure(lift, x, false);

        assertThat(report.errors()).hasSize(24);
        assertThat(report.errorOf(CUBE_ROTATIONS.get(0)).orElseThrow().maxAbsolute()).as("identity").isLessThan(1e-9);
        assertThat(worstRelative(report)).isGreaterThan(1e-6); // a uniform grid is not a group: not exact
        EquivarianceAssertions.assertThat(lift).inDType(DType.FLOAT64).withInputs(GeometricTensor.of(x, lift.inType()))
                .isEquivariantUnder(CUBE_ROTATIONS);
    }

    @Test
    void invariantFeaturesOfANetworkOnTheUniformGridAreNearlyInvariant() {
        Rng rng = new Rng(5);
        SE3LiftingConv lift = new SE3LiftingConv(GRID, 1, 3, 3, 1, rng);
        SE3SeparableConv conv = new SE3SeparableConv(GRID, 3, 3, 3, 1, rng);
        EquivariantSequential net = new EquivariantSequential(lift, PointwiseNonlinearity.relu(lift.outType()), conv,
                PointwiseNonlinearity.relu(conv.outType()), new SE3GlobalPooling(GRID, 3, SE3GlobalPooling.Mode.MEAN));
        Tensor x = smooth(rng, 2, 1, 6, 6, 6);
        EquivarianceReport report = measure(net, x, true);

        // Pooling over the grid averages most of the interpolation error away.
        assertThat(worstRelative(report)).isLessThan(0.1);
    }
}

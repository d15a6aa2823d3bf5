package org.equivariant4j.gconv.regular;

import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;

import java.util.stream.Stream;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.groups.CubicGroup;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.nn.equivariant.EquivariantBatchNorm;
import org.equivariant4j.nn.equivariant.GroupPooling;
import org.equivariant4j.nn.equivariant.PointwiseNonlinearity;
import org.equivariant4j.nn.equivariant.SpatialPooling;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.RandomFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The G-CNN's other blocks are nn's, applied to regular fields on grids: group pooling (max, mean → invariant
 * channels), spatial pooling (max, mean, global; group axis kept), batch norm with statistics shared over the
 * group axis (evaluation and training mode), pointwise nonlinearities. Each is checked by the test kit on every
 * element of C4, D4 (2D) and O, O_h (3D), on grids of even side so 2x2 windows tile them.
 */
class GridBlocksEquivarianceTest {

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(CyclicGroup.of(4), 2), Arguments.of(DihedralGroup.of(4), 2),
                Arguments.of(FiniteRotationGroup.octahedral(), 3), Arguments.of(CubicGroup.fullOctahedral(), 3));
    }

    @ParameterizedTest(name = "{0} on Z{1}")
    @MethodSource("cases")
    void everyBlockOnRegularGridFields(FiniteGroup group, int dimension) {
        FieldType fields = RegularFields.regular(group, dimension, 2);
        RandomFields inputs = RandomFields.defaults().gridSize(dimension, dimension == 2 ? 6 : 4);
        EquivariantLayer[] layers = {
            new GroupPooling(fields, GroupPooling.Mode.MAX),
            new GroupPooling(fields, GroupPooling.Mode.MEAN),
            new SpatialPooling(fields, SpatialPooling.Mode.MAX, 2),
            new SpatialPooling(fields, SpatialPooling.Mode.MEAN, 2),
            SpatialPooling.global(fields, SpatialPooling.Mode.MAX),
            new EquivariantBatchNorm(fields),
            PointwiseNonlinearity.relu(fields),
        };
        for (EquivariantLayer layer : layers) {
            for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                assertThat(layer).inDType(dtype).withInputGenerator(inputs).isEquivariantUnder(group.elements()).withinDefaultTolerance();
            }
        }
        // Training mode: the batch statistics themselves, shared over the group axis, must commute with the group.
        EquivariantBatchNorm bn = new EquivariantBatchNorm(fields);
        bn.train();
        assertThat(EquivarianceChecker.of("EquivariantBatchNorm (training)", fields, fields, bn::forward))
                .inDType(DType.FLOAT32).withInputGenerator(inputs).isEquivariantUnder(group.elements()).withinDefaultTolerance();
    }
}

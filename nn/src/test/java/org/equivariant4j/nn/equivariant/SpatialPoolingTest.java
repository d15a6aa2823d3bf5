package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.equivariance.RandomFields;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

class SpatialPoolingTest {
    private static final CyclicGroup C4 = CyclicGroup.of(4);

    @Test
    void windowsThatTileTheGridKeepEveryQuarterTurn() {
        FieldType regular = FieldType.of(Domain.grid(2), Representation.regular(C4));
        RandomFields sixBySix = RandomFields.defaults().gridSize(2, 6);
        for (SpatialPooling.Mode mode : SpatialPooling.Mode.values()) {
            assertThat(new SpatialPooling(regular, mode, 2)).withInputGenerator(sixBySix)
                    .isEquivariantUnder(C4.elements()).withinDefaultTolerance();
            assertThat(SpatialPooling.global(regular, mode)).isEquivariantUnder(C4.elements()).withinDefaultTolerance();
        }
        // MEAN is linear, so any channel representation works, an irrep included.
        FieldType irrep = FieldType.of(Domain.grid(2), C4.irrep("1"));
        assertThat(new SpatialPooling(irrep, SpatialPooling.Mode.MEAN, 2)).withInputGenerator(sixBySix)
                .isEquivariantUnder(C4.elements()).withinDefaultTolerance();
    }

    @Test
    void refusesWhatWouldBreakEquivariance() {
        FieldType irrep = FieldType.of(Domain.grid(2), C4.irrep("1"));
        assertThatThrownBy(() -> new SpatialPooling(irrep, SpatialPooling.Mode.MAX, 2))
                .isInstanceOf(FieldTypeMismatchException.class).hasMessageContaining("SpatialPooling(MAX)");
        assertThatThrownBy(() -> new SpatialPooling(FieldType.of(Domain.vectors(), Representation.regular(C4)),
                SpatialPooling.Mode.MEAN, 2)).isInstanceOf(FieldTypeMismatchException.class).hasMessageContaining("grid");
        FieldType regular = FieldType.of(Domain.grid(2), Representation.regular(C4));
        SpatialPooling pool = new SpatialPooling(regular, SpatialPooling.Mode.MAX, 2);
        assertThatThrownBy(() -> pool.forward(GeometricTensor.of(Tensors.zeros(1, 4, 5, 5), regular)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("SpatialPooling(MAX 2")
                .hasMessageContaining("[1, 4, 5, 5]");
    }

    @Test
    void meanPoolingGradientInFloat64() {
        FieldType regular = FieldType.of(Domain.grid(2), Representation.regular(C4));
        SpatialPooling pool = new SpatialPooling(regular, SpatialPooling.Mode.MEAN, 2);
        Tensor x = Tensors.randn(new Rng(3), DType.FLOAT64, 2, 4, 4, 4);
        GradientCheck.of("SpatialPooling(MEAN 2)", in -> pool.forward(GeometricTensor.of(in[0], regular)).tensor(), x)
                .assertCorrect();
        assertThat(pool.forward(GeometricTensor.of(x, regular)).tensor().shape()).containsExactly(2, 4, 2, 2);
    }

    @Test
    void declaringAnApproximationKeepsTheMapAndStatesTheTolerance() {
        FieldType regular = FieldType.of(Domain.grid(2), Representation.regular(C4));
        SpatialPooling exact = new SpatialPooling(regular, SpatialPooling.Mode.MAX, 2);
        ApproximateEquivariance declared = new ApproximateEquivariance(1e-3, 0.5, "interpolated channel action");
        SpatialPooling approximate = exact.declaring(declared);
        assertThat(exact.approximation()).isEmpty();
        assertThat(approximate.approximation()).contains(declared);
        assertThat(approximate.inType()).isEqualTo(regular);
        Tensor x = Tensors.randn(new Rng(5), 2, 4, 4, 4);
        assertThat(approximate.forward(GeometricTensor.of(x, regular)).tensor().toDoubleArray())
                .containsExactly(exact.forward(GeometricTensor.of(x, regular)).tensor().toDoubleArray());
        assertThat(SpatialPooling.global(regular, SpatialPooling.Mode.MEAN).declaring(declared).forward(
                GeometricTensor.of(x, regular)).tensor().shape()).containsExactly(2, 4, 1, 1);
    }
}

package org.equivariant4j.groups.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.error.GroupMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.groups.SO2;
import org.equivariant4j.groups.SO3;
import org.junit.jupiter.api.Test;

/** The group action on typed fields: exact on grids, a homomorphism, and loud about what it cannot do. */
class GeometricTensorTest {
    private final Rng rng = new Rng(3);

    @Test
    void aQuarterTurnOfAScalarImageIsRot90() {
        CyclicGroup c4 = CyclicGroup.of(4);
        FieldType scalar = FieldType.of(Domain.grid(2), Representation.trivial(c4));
        Tensor img = Tensors.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, DType.FLOAT64, 1, 1, 3, 3);
        double[] turned = GeometricTensor.of(img, scalar).transform(c4.rotation(1)).tensor().toDoubleArray();
        // output(x) = input(r^-1 x): with coordinates (row, col), a quarter turn maps the first row to the last column
        assertThat(turned).containsExactly(rot90(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, c4.rotation(1)));
        // the convention, frozen: C4's generator turns the image a quarter turn (numpy.rot90 with k=1)
        assertThat(turned).containsExactly(3, 6, 9, 2, 5, 8, 1, 4, 7);
    }

    @Test
    void theActionIsAHomomorphismOnGridsForEveryPairOfD4() {
        DihedralGroup d4 = DihedralGroup.of(4);
        FieldType type = FieldType.of(Domain.grid(2), Representation.regular(d4).directSum(Representation.trivial(d4)));
        GeometricTensor x = GeometricTensor.of(Tensors.randn(rng, DType.FLOAT64, 2, 9, 4, 4), type);
        for (GroupElement g : d4.elements()) {
            for (GroupElement h : d4.elements()) {
                double[] twice = x.transform(h).transform(g).tensor().toDoubleArray();
                double[] once = x.transform(g.compose(h)).tensor().toDoubleArray();
                assertThat(twice).as("T(%s) T(%s) = T(%s)", g, h, g.compose(h)).containsExactly(once, within(1e-12));
            }
        }
        assertThat(x.transform(d4.identity()).tensor().toDoubleArray()).containsExactly(x.tensor().toDoubleArray());
    }

    @Test
    void pointCloudsMoveTheirPositionsAndRotateVectorFeatures() {
        SO3 so3 = SO3.group();
        FieldType vectors = FieldType.of(Domain.points(3), Representation.standard(so3));
        Tensor pos = Tensors.randn(rng, DType.FLOAT64, 5, 3);
        GeometricTensor x = GeometricTensor.ofPoints(pos, pos, vectors);   // each point carries its own position as a vector
        for (GroupElement g : List.of(so3.sample(rng), so3.sample(rng))) {
            GeometricTensor y = x.transform(g);
            assertThat(y.tensor().toDoubleArray()).containsExactly(y.positions().toDoubleArray(), within(1e-12));
            assertThat(y.positions().norm().item()).isCloseTo(pos.norm().item(), within(1e-12));
        }
    }

    @Test
    void aRotationThatDoesNotMapTheGridOntoItselfIsRefused() {
        SO2 so2 = SO2.group();
        FieldType scalar = FieldType.of(Domain.grid(2), Representation.trivial(so2));
        GeometricTensor x = GeometricTensor.of(Tensors.zeros(DType.FLOAT64, 1, 1, 3, 3), scalar);
        assertThatThrownBy(() -> x.transform(so2.rotation(Math.PI / 4))).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("does not map the grid [3, 3] onto itself");
    }

    @Test
    void wrongLayoutsAndForeignElementsAreNamed() {
        CyclicGroup c4 = CyclicGroup.of(4);
        FieldType regular = FieldType.of(Domain.grid(2), Representation.regular(c4));
        assertThatThrownBy(() -> GeometricTensor.of(Tensors.zeros(2, 3, 5, 5), regular)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("C4 on Z2").hasMessageContaining("expected a tensor [N, 4, S, S] but was [2, 3, 5, 5]");
        GeometricTensor x = GeometricTensor.of(Tensors.zeros(1, 4, 3, 3), regular);
        assertThatThrownBy(() -> x.transform(CyclicGroup.of(8).rotation(1))).isInstanceOf(GroupMismatchException.class)
                .hasMessageContaining("C4").hasMessageContaining("C8");
    }

    /** Reference: out[p] = in[r^-1 p] on a 3x3 grid, coordinates (row, col) centred at (1, 1). */
    private static double[] rot90(double[] in, GroupElement r) {
        double[] out = new double[9];
        var inverse = (org.equivariant4j.core.group.EuclideanAction) r.inverse();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double[] src = inverse.apply(new double[] {i - 1, j - 1});
                out[i * 3 + j] = in[(int) Math.round(src[0] + 1) * 3 + (int) Math.round(src[1] + 1)];
            }
        }
        return out;
    }
}

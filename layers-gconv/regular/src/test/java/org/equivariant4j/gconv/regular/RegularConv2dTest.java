package org.equivariant4j.gconv.regular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegularConv2dTest {

    @ParameterizedTest
    @ValueSource(strings = {"C2", "C4", "D1", "D2", "D4"})
    void gridPreservingGroupsTransformKernelsByAPermutation(String name) {
        FiniteGroup g = group(name);
        assertThat(new GroupConv2d(g, 2, 3, 5, new Rng(1)).kernelTransform().isExact()).isTrue();
        assertThat(new LiftingConv2d(g, 2, 3, 5, new Rng(1)).approximation()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C8", "D8", "C3"})
    void otherRotationsInterpolateAndDeclareIt(String name) {
        GroupConv2d conv = new GroupConv2d(group(name), 1, 1, 3, new Rng(1));
        assertThat(conv.kernelTransform().isExact()).isFalse();
        assertThat(conv.approximation()).hasValueSatisfying(a -> assertThat(a.reason()).contains("interpolated"));
    }

    @Test
    void stackedKernelShapeIsOneOrdinaryConvolution() {
        GroupConv2d conv = new GroupConv2d(DihedralGroup.of(4), 3, 5, 3, new Rng(2));
        assertThat(conv.stackedKernel().shape()).containsExactly(5 * 8, 3 * 8, 3, 3);
        assertThat(conv.parameterCount()).isEqualTo(5 * 3 * 8 * 9 + 5);
        LiftingConv2d lift = new LiftingConv2d(CyclicGroup.of(8), 3, 5, 5, new Rng(2));
        assertThat(lift.stackedKernel().shape()).containsExactly(5 * 8, 3, 5, 5);
    }

    /** Lifting with C4: output element j's kernel is the weight turned by j quarter turns (checked by hand indexing). */
    @Test
    void liftingKernelsOfC4AreTheTurnedWeights() {
        CyclicGroup c4 = CyclicGroup.of(4);
        LiftingConv2d lift = new LiftingConv2d(c4, 1, 1, 3, new Rng(3));
        double[] w = lift.namedParameters().get("weight").value().to(DType.FLOAT64).toDoubleArray();
        double[] k = lift.stackedKernel().to(DType.FLOAT64).toDoubleArray();
        for (int j = 0; j < 4; j++) {
            org.equivariant4j.core.group.Matrix inv = ((org.equivariant4j.core.group.EuclideanAction) c4.elements().get(j)
                    .inverse()).linearPart();
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    double[] src = inv.multiply(new double[] {r - 1, c - 1});
                    int sr = (int) Math.rint(src[0]) + 1;
                    int sc = (int) Math.rint(src[1]) + 1;
                    assertThat(k[j * 9 + r * 3 + c]).as("element %d at (%d, %d)", j, r, c).isEqualTo(w[sr * 3 + sc]);
                }
            }
        }
    }

    @Test
    void wrongInputShapeNamesTheLayer() {
        GroupConv2d conv = new GroupConv2d(CyclicGroup.of(4), 2, 3, 3, new Rng(4));
        assertThatThrownBy(() -> conv.forward(Tensors.zeros(1, 7, 6, 6)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("GroupConv2d(C4")
                .hasMessageContaining("[N, 8, H, W]")
                .hasMessageContaining("[1, 7, 6, 6]");
        assertThatThrownBy(() -> conv.forward(Tensors.zeros(8, 6, 6))).isInstanceOf(ShapeMismatchException.class);
        assertThatThrownBy(() -> new GroupConv2d(CyclicGroup.of(4), 2, 3, 4, new Rng(4)))
                .hasMessageContaining("GroupConv2d").hasMessageContaining("odd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D4", "C8"})
    void float64GradientsOfInputAndStackedWeight(String name) {
        GroupConv2d conv = new GroupConv2d(group(name), 2, 2, 3, new Rng(5));
        conv.to(DType.FLOAT64);
        Rng rng = new Rng(6);
        int n = group(name).order();
        Tensor x = Tensors.randn(rng, DType.FLOAT64, 1, 2 * n, 5, 5);
        Tensor w = Tensors.randn(rng, DType.FLOAT64, 2, 2, n, 3, 3);
        KernelTransform t = conv.kernelTransform();
        GradientCheck.of("GroupConv2d(" + name + ") input and weight",
                in -> in[0].conv(t.apply(in[1]), null, org.equivariant4j.core.tensor.ConvSpec.of(2).withPadding(1)), x, w)
                .assertCorrect();
        GradientCheck.of("GroupConv2d(" + name + ") forward", in -> conv.forward(in[0]), x).assertCorrect();
    }

    @Test
    void liftingFloat64Gradient() {
        LiftingConv2d lift = new LiftingConv2d(DihedralGroup.of(8), 2, 2, 3, new Rng(7));
        lift.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(8), DType.FLOAT64, 2, 2, 4, 4);
        GradientCheck.of("LiftingConv2d(D8)", in -> lift.forward(in[0]), x).assertCorrect();
    }

    static FiniteGroup group(String name) {
        int n = Integer.parseInt(name.substring(1));
        return name.charAt(0) == 'C' ? CyclicGroup.of(n) : DihedralGroup.of(n);
    }

    static List<GroupElement> elements(FiniteGroup g) {
        return g.elements();
    }
}

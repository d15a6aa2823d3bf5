package org.equivariant4j.gconv.weightsharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.regular.GroupConv2d;
import org.equivariant4j.gconv.regular.LiftingConv2d;
import org.equivariant4j.gconv.regular.RegularConv;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8's equivalence: with the matrices set to the regular representation of C4 or D4 on the kernel grid
 * ({@link WeightSharingConv#tied()}, and the learned layer given those permutations) and the regular G-CNN's canonical
 * weight and bias copied across, the weight-sharing lifting and group layers give exactly the outputs of
 * {@code LiftingConv2d} / {@code GroupConv2d}
 * (float64: 1e-12 absolute; float32: 1e-5 relative to the output's largest entry), and the test kit then passes them
 * on every element.
 */
class RegularEquivalenceTest {

    static List<Arguments> cases() {
        return List.of(Arguments.of(CyclicGroup.of(4), DType.FLOAT64), Arguments.of(CyclicGroup.of(4), DType.FLOAT32),
                Arguments.of(DihedralGroup.of(4), DType.FLOAT64), Arguments.of(DihedralGroup.of(4), DType.FLOAT32));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void liftingLayerIsLiftingConv2d(FiniteGroup group, DType dtype) {
        LiftingConv2d regular = new LiftingConv2d(group, 2, 3, 5, new Rng(1));
        WeightSharingLifting shared = new WeightSharingLifting(group, 2, 3, 5, WeightSharingOptions.defaults(), new Rng(2));
        compare(regular, shared, dtype, Tensors.randn(new Rng(3), dtype, 2, 2, 9, 9));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void groupLayerIsGroupConv2d(FiniteGroup group, DType dtype) {
        GroupConv2d regular = new GroupConv2d(group, 2, 3, 3, new Rng(4));
        WeightSharingGroupConv shared = new WeightSharingGroupConv(group, 2, 3, 3, WeightSharingOptions.defaults(), new Rng(5));
        compare(regular, shared, dtype, Tensors.randn(new Rng(6), dtype, 2, 2 * group.order(), 7, 7));
    }

    private static void compare(RegularConv regular, WeightSharingConv shared, DType dtype, Tensor x) {
        regular.to(dtype);
        shared.to(dtype);
        // A non-zero bias, so its layout over the group channels is compared too.
        Tensor bias = Tensors.randn(new Rng(7), dtype, regular.outFields());
        param(regular, "bias").set(bias);
        param(shared, "bias").set(bias);
        param(shared, "weight").set(param(regular, "weight").value());
        TiedWeightSharingConv tied = shared.tied();
        assertThat(tied.inType()).isEqualTo(regular.inType());
        assertThat(tied.outType()).isEqualTo(regular.outType());

        Tensor expected = regular.forward(GeometricTensor.of(x, regular.inType())).tensor();
        Tensor actual = tied.forward(GeometricTensor.of(x, tied.inType())).tensor();
        shared.setPermutations(shared.groupPermutations());
        Tensor learned = shared.forward(x);
        assertThat(actual.shape()).containsExactly(expected.shape());
        double scale = max(expected.abs());
        double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 1e-5 * scale;
        assertThat(scale).isGreaterThan(0.1);
        assertThat(max(actual.sub(expected).abs())).as("largest output difference, %s %s", shared.group().name(), dtype)
                .isLessThanOrEqualTo(tolerance);
        assertThat(max(learned.sub(expected).abs())).as("learned layer set to the permutations, %s %s", shared.group().name(),
                dtype).isLessThanOrEqualTo(tolerance);
        assertThat(max(tied.kernel().sub(regular.stackedKernel()).abs())).as("stacked kernels")
                .isLessThanOrEqualTo(dtype == DType.FLOAT64 ? 1e-15 : 1e-7);

        double kit = dtype == DType.FLOAT64 ? 1e-10 : 1e-4;
        EquivarianceAssertions.assertThat((EquivariantLayer) tied).inDType(dtype)
                .isEquivariantUnder(tied.group().elements()).within(kit, kit);
    }

    private static org.equivariant4j.core.module.Parameter param(Module m, String name) {
        return m.namedParameters().get(name);
    }

    private static double max(Tensor t) {
        double worst = 0;
        for (double v : t.to(DType.FLOAT64).toDoubleArray()) {
            worst = Math.max(worst, v);
        }
        return worst;
    }
}

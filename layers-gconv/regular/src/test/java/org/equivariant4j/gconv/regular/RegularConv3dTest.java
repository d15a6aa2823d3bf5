package org.equivariant4j.gconv.regular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CubicGroup;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegularConv3dTest {

    static Stream<FiniteGroup> cubeGroups() {
        return Stream.of(FiniteRotationGroup.octahedral(), FiniteRotationGroup.tetrahedral(), CubicGroup.fullOctahedral(),
                CubicGroup.cyclicZ(4), CubicGroup.dihedralZ(4));
    }

    @ParameterizedTest
    @MethodSource("cubeGroups")
    void cubeSymmetriesPermuteTheCubicKernelExactly(FiniteGroup g) {
        GroupConv3d conv = new GroupConv3d(g, 1, 2, 3, new Rng(1));
        assertThat(conv.kernelTransform().isExact()).isTrue();
        assertThat(conv.approximation()).isEmpty();
        assertThat(conv.stackedKernel().shape()).containsExactly(2 * g.order(), g.order(), 3, 3, 3);
    }

    @Test
    void icosahedralRotationsInterpolate() {
        LiftingConv3d lift = new LiftingConv3d(FiniteRotationGroup.icosahedral(), 1, 1, 3, new Rng(2));
        assertThat(lift.kernelTransform().isExact()).isFalse();
        assertThat(lift.approximation()).hasValueSatisfying(a -> assertThat(a.reason()).contains("trilinearly"));
    }

    @Test
    void wrongShapesAndGroupsAreRefusedNamingTheLayer() {
        GroupConv3d conv = new GroupConv3d(FiniteRotationGroup.octahedral(), 2, 1, 3, new Rng(3));
        assertThatThrownBy(() -> conv.forward(Tensors.zeros(1, 48, 4, 4)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("GroupConv3d(O")
                .hasMessageContaining("[N, 48, D, H, W]")
                .hasMessageContaining("[1, 48, 4, 4]");
        assertThatThrownBy(() -> new LiftingConv3d(CyclicGroup.of(4), 1, 1, 3, new Rng(3)))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("LiftingConv3d").hasMessageContaining("R3");
    }

    @Test
    void float64GradientOfTheOctahedralGroupConvolution() {
        GroupConv3d conv = new GroupConv3d(FiniteRotationGroup.octahedral(), 1, 1, 3, new Rng(4));
        conv.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(5), DType.FLOAT64, 1, 24, 3, 3, 3);
        GradientCheck.of("GroupConv3d(O)", in -> conv.forward(in[0]), x).assertCorrect();
    }
}

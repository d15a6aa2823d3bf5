package org.equivariant4j.nn.conv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;

/** {@link Conv} and {@link Pool} as {@code torch.nn}'s: parameter shapes, a hand-computed value, gradients, refusals. */
class ConvAndPoolTest {

    @Test
    void parametersAreShapedAsPyTorchsForEveryDimension() {
        assertThat(Conv.conv1d(3, 8, 5, new Rng(1)).stateDict()).containsOnlyKeys("weight", "bias");
        assertThat(Conv.conv1d(3, 8, 5, new Rng(1)).weight().value().shape()).containsExactly(8, 3, 5);
        assertThat(Conv.conv2d(3, 8, 3, new Rng(1)).weight().value().shape()).containsExactly(8, 3, 3, 3);
        Conv grouped = Conv.builder(3, 4, 8, 3).groups(2).bias(false).rng(new Rng(1)).build();
        assertThat(grouped.weight().value().shape()).containsExactly(8, 2, 3, 3, 3);
        assertThat(grouped.stateDict()).containsOnlyKeys("weight");
        // PyTorch's default bound 1/sqrt(fan_in) with fan_in = 2 * 27.
        assertThat(grouped.weight().value().abs().max().item()).isLessThanOrEqualTo(1 / Math.sqrt(54));
    }

    @Test
    void aTwoByTwoKernelOnAThreeByThreeImageGivesTheHandComputedSums() {
        Conv conv = Conv.builder(2, 1, 1, 2).dtype(DType.FLOAT64).rng(new Rng(2)).build();
        conv.weight().value().assign(Tensors.of(new double[] {1, 2, 3, 4}, DType.FLOAT64, 1, 1, 2, 2));
        conv.bias().value().assign(Tensors.of(new double[] {0.5}, DType.FLOAT64, 1));
        Tensor image = Tensors.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, DType.FLOAT64, 1, 1, 3, 3);
        // Cross-correlation as PyTorch: out[0,0] = 1*1 + 2*2 + 3*4 + 4*5 + 0.5.
        assertThat(conv.forward(image).toDoubleArray()).containsExactly(37.5, 47.5, 67.5, 77.5);
    }

    @Test
    void paddingOfHalfTheKernelKeepsTheSizeAndStrideHalvesIt() {
        Tensor x = Tensors.randn(new Rng(3), 2, 4, 9, 9);
        assertThat(Conv.builder(2, 4, 6, 3).padding(1).rng(new Rng(4)).build().forward(x).shape()).containsExactly(2, 6, 9, 9);
        assertThat(Conv.builder(2, 4, 6, 3).padding(1).stride(2).rng(new Rng(4)).build().forward(x).shape())
                .containsExactly(2, 6, 5, 5);
    }

    @Test
    void gradientsOfInputAndParametersMatchFiniteDifferences() {
        Conv conv = Conv.builder(2, 2, 3, 3).padding(1).groups(1).dtype(DType.FLOAT64).rng(new Rng(5)).build();
        Tensor x = Tensors.randn(new Rng(6), DType.FLOAT64, 2, 2, 4, 4);
        GradientCheck.of("Conv2d input", in -> conv.forward(in[0]), x).assertCorrect();
        conv.namedParameters().forEach((name, p) -> ParameterGradientCheck.of(conv, name, () -> conv.forward(x))
                .entries((int) p.value().numel()).assertCorrect());
        Tensor v = Tensors.randn(new Rng(7), DType.FLOAT64, 2, 2, 4, 4, 4);
        GradientCheck.of("MaxPool3d input", in -> Pool.max(PoolSpec.of(3, 2)).forward(in[0]), v).assertCorrect();
        GradientCheck.of("AdaptiveAvgPool3d input", in -> Pool.adaptiveAvg(1, 2, 3).forward(in[0]), v).assertCorrect();
    }

    @Test
    void poolsReduceAsTheirTorchNamesakes() {
        Tensor x = Tensors.of(new double[] {1, 5, 2, 8, 3, 4, 7, 6}, DType.FLOAT64, 1, 1, 8);
        assertThat(Pool.max(PoolSpec.of(1, 2)).forward(x).toDoubleArray()).containsExactly(5, 8, 4, 7);
        assertThat(Pool.avg(PoolSpec.of(1, 4)).forward(x).toDoubleArray()).containsExactly(4, 5);
        assertThat(Pool.adaptiveMax(1).forward(x).toDoubleArray()).containsExactly(8);
        assertThat(Pool.adaptiveAvg(2).forward(x).toDoubleArray()).containsExactly(4, 5);
        assertThat(Pool.adaptiveAvg(1, 1)).hasToString("AdaptiveAvgPool2d([1, 1])");
    }

    @Test
    void wrongInputsAreRefusedNamingTheLayerAndTheShapes() {
        Conv conv = Conv.conv2d(3, 8, 3, new Rng(8));
        assertThatThrownBy(() -> conv.forward(Tensors.zeros(2, 4, 9, 9))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("Conv2d(3 -> 8, kernel 3").hasMessageContaining("expected input [N, 3, *, *] but was [2, 4, 9, 9]");
        assertThatThrownBy(() -> conv.forward(Tensors.zeros(DType.FLOAT64, 2, 3, 9, 9))).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("expected input FLOAT32 but was FLOAT64");
        assertThatThrownBy(() -> Conv.builder(2, 3, 8, 3).groups(2).rng(new Rng(1)).build())
                .hasMessageContaining("groups=2 must divide both 3 input and 8 output channels");
        assertThatThrownBy(() -> Pool.max(PoolSpec.of(2, 2)).forward(Tensors.zeros(1, 1, 8)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("MaxPool2d");
    }
}

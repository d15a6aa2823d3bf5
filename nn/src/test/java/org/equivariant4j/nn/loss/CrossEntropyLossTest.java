package org.equivariant4j.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

class CrossEntropyLossTest {
    private final Loss loss = new CrossEntropyLoss();

    @Test
    void isTheMeanNegativeLogSoftmaxOfTheLabel() {
        Tensor logits = Tensors.of(new double[] {1, 2, 3, 0, 0, 0}, DType.FLOAT64, 2, 3);
        Tensor labels = Tensors.of(new long[] {2, 0}, 2);
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double expected = ((lse - 3) + Math.log(3)) / 2;
        assertThat(loss.compute(logits, labels).item()).isCloseTo(expected, within(1e-12));
        assertThat(loss.compute(logits, labels).shape()).isEmpty();
    }

    @Test
    void isStableForHugeLogits() {
        Tensor logits = Tensors.of(new double[] {1000, -1000, 0, 1000}, DType.FLOAT64, 2, 2);
        Tensor labels = Tensors.of(new long[] {1, 1}, 2);
        assertThat(loss.compute(logits, labels).item()).isCloseTo(1000, within(1e-9));
    }

    @Test
    void hasGradientSoftmaxMinusOneHotOverN() {
        Tensor logits = Tensors.of(new double[] {0, Math.log(3)}, DType.FLOAT64, 1, 2).requiresGrad(true);
        loss.compute(logits, Tensors.of(new long[] {0}, 1)).backward();
        assertThat(logits.grad().toDoubleArray()).containsExactly(new double[] {0.25 - 1, 0.75}, within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferencesWithRepeatedLabels() {
        Tensor logits = Tensors.randn(new Rng(4), DType.FLOAT64, 6, 5).requiresGrad(true);
        Tensor labels = Tensors.of(new long[] {3, 0, 3, 4, 1, 3}, 6);
        GradientCheck.of("CrossEntropyLoss", in -> loss.compute(in[0], labels), logits).assertCorrect();
    }

    @Test
    void acceptsInt32Labels() {
        Tensor logits = Tensors.of(new double[] {1, 2}, DType.FLOAT64, 1, 2);
        Tensor labels = Tensors.backend().fromLongs(new long[] {1}, new int[] {1}, DType.INT32);
        assertThat(loss.compute(logits, labels).item()).isCloseTo(Math.log1p(Math.exp(-1)), within(1e-12));
    }

    @Test
    void refusesMisshapenInputsFloatLabelsAndOutOfRangeLabels() {
        Tensor logits = Tensors.zeros(4, 3);
        assertThatThrownBy(() -> loss.compute(logits, Tensors.of(new long[] {0, 1, 2}, 3)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("CrossEntropyLoss: expected logits [N, C] and labels [N] but was [4, 3] and [3]");
        assertThatThrownBy(() -> loss.compute(logits, Tensors.zeros(4))).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("FLOAT32");
        assertThatThrownBy(() -> loss.compute(logits, Tensors.of(new long[] {0, 1, 3, 2}, 4)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("label 3 at position 2 is outside [0, 3)");
    }
}

package org.equivariant4j.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class BceWithLogitsLossTest {
    private final Loss loss = new BceWithLogitsLoss();

    private static double naive(double x, double y) {
        double s = 1 / (1 + Math.exp(-x));
        return -y * Math.log(s) - (1 - y) * Math.log(1 - s);
    }

    @Test
    void matchesTheDefinitionForModerateLogits() {
        double[] x = {-3, -0.5, 0, 0.7, 2};
        double[] y = {0, 1, 0.5, 1, 0};
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            expected += naive(x[i], y[i]) / x.length;
        }
        assertThat(loss.compute(Tensors.of(x, DType.FLOAT64, 5), Tensors.of(y, DType.FLOAT64, 5)).item()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void staysFiniteAndExactForHugeLogits() {
        // The naive form gives log(0) = -inf here; the right answers are 0 for a confident hit and |x| for a confident miss.
        Tensor x = Tensors.of(new double[] {1000, -1000, 1000, -1000}, DType.FLOAT64, 4).requiresGrad(true);
        Tensor y = Tensors.of(new double[] {1, 0, 0, 1}, DType.FLOAT64, 4);
        Tensor l = loss.compute(x, y);
        assertThat(l.item()).isCloseTo(500, within(1e-9));
        l.backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(new double[] {0, 0, 0.25, -0.25}, within(1e-12));
    }

    @Test
    void hasGradientSigmoidMinusTargetOverNEvenAtZero() {
        Tensor x = Tensors.of(new double[] {0, 1}, DType.FLOAT64, 2).requiresGrad(true);
        loss.compute(x, Tensors.of(new double[] {1, 0}, DType.FLOAT64, 2)).backward();
        assertThat(x.grad().toDoubleArray()).containsExactly(new double[] {(0.5 - 1) / 2, 1 / (1 + Math.exp(-1)) / 2},
                within(1e-12));
    }

    @Test
    void refusesDifferentShapes() {
        assertThatThrownBy(() -> loss.compute(Tensors.zeros(3, 1), Tensors.zeros(3))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("[3, 1] and [3]");
    }
}

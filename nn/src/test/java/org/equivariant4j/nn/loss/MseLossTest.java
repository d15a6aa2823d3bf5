package org.equivariant4j.nn.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class MseLossTest {
    private final Loss loss = new MseLoss();

    @Test
    void isTheMeanOfSquaredDifferences() {
        Tensor p = Tensors.of(new double[] {1, 2, 3, 4}, DType.FLOAT64, 2, 2).requiresGrad(true);
        Tensor t = Tensors.of(new double[] {0, 2, 5, 4}, DType.FLOAT64, 2, 2);
        Tensor l = loss.compute(p, t);
        assertThat(l.item()).isCloseTo((1 + 0 + 4 + 0) / 4.0, within(1e-12));
        l.backward();
        // d/dp mean((p - t)^2) = 2 (p - t) / n
        assertThat(p.grad().toDoubleArray()).containsExactly(new double[] {0.5, 0, -1, 0}, within(1e-12));
    }

    @Test
    void refusesShapesThatWouldSilentlyBroadcast() {
        assertThatThrownBy(() -> loss.compute(Tensors.zeros(4, 1), Tensors.zeros(4))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("MseLoss: expected prediction and target of equal shape but was [4, 1] and [4]");
    }
}

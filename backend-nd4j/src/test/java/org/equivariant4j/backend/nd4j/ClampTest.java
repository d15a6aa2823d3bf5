package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** clamp as PyTorch's: NaN stays NaN (ND4J's scalar max/min alone turned it into the bound), infinities are clamped. */
class ClampTest {

    @Test
    void nanPropagatesAndEverythingElseIsClamped() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = Tensors.of(new double[] {Double.NaN, -2, 0.5, 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, dtype, 6)
                    .requiresGrad(true);
            Tensor y = x.clamp(0, 1);
            double[] v = y.toDoubleArray();
            assertThat(v[0]).as(dtype + " clamp(NaN)").isNaN();
            assertThat(new double[] {v[1], v[2], v[3], v[4], v[5]}).containsExactly(0, 0.5, 1, 1, 0);
            y.sum().backward();
            // The gradient passes inside [min, max] only; NaN compares false, so it gets 0 (as PyTorch's clamp_backward).
            assertThat(x.grad().toDoubleArray()).containsExactly(0, 0, 1, 0, 0, 0);
        }
    }

    @Test
    void withoutNanTheResultIsTheSameAsBefore() {
        Tensor x = Tensors.of(new double[] {-5, 0.25, 7}, DType.FLOAT64, 3);
        assertThat(x.clamp(-1, 1).toDoubleArray()).containsExactly(-1, 0.25, 1);
    }
}

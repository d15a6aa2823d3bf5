package org.equivariant4j.ssl.invariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

class PredictiveDivergenceTest {

    @Test
    void matchesTheDefinitionsOnAWorkedExample() {
        // p = (0.5, 0.5), q = (0.2, 0.8) from logits (0, 0) and (0, ln 4).
        Tensor a = Tensors.of(new double[] {0, 0}, DType.FLOAT64, 1, 2);
        Tensor b = Tensors.of(new double[] {0, Math.log(4)}, DType.FLOAT64, 1, 2);
        double[] p = {0.5, 0.5};
        double[] q = {0.2, 0.8};
        double js = 0;
        double skl = 0;
        for (int k = 0; k < 2; k++) {
            double m = (p[k] + q[k]) / 2;
            js += 0.5 * p[k] * Math.log(p[k] / m) + 0.5 * q[k] * Math.log(q[k] / m);
            skl += (p[k] - q[k]) * Math.log(p[k] / q[k]);
        }
        assertThat(PredictiveDivergence.JENSEN_SHANNON.between(a, b).item()).isCloseTo(js, within(1e-15));
        assertThat(PredictiveDivergence.SYMMETRIC_KL.between(a, b).item()).isCloseTo(skl, within(1e-15));
        assertThat(PredictiveDivergence.JENSEN_SHANNON.between(b, a).item()).isCloseTo(js, within(1e-15));
    }

    @Test
    void certainDisagreementReachesLn2WithoutOverflowing() {
        Tensor a = Tensors.of(new double[] {800, 0}, DType.FLOAT64, 1, 2);
        Tensor b = Tensors.of(new double[] {0, 800}, DType.FLOAT64, 1, 2);
        assertThat(PredictiveDivergence.JENSEN_SHANNON.between(a, b).item()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(PredictiveDivergence.SYMMETRIC_KL.between(a, b).item()).isCloseTo(1600, within(1e-9));
        assertThat(PredictiveDivergence.JENSEN_SHANNON.between(a, a).item()).isEqualTo(0.0);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor a = Tensors.randn(new Rng(1), DType.FLOAT64, 3, 4);
        Tensor b = Tensors.randn(new Rng(2), DType.FLOAT64, 3, 4);
        for (PredictiveDivergence d : PredictiveDivergence.values()) {
            GradientCheck.of(d.name(), in -> d.between(in[0], in[1]), a, b).assertCorrect();
        }
    }

    @Test
    void refusesMismatchedShapes() {
        assertThatThrownBy(() -> PredictiveDivergence.JENSEN_SHANNON.between(Tensors.zeros(DType.FLOAT64, 2, 3),
                Tensors.zeros(DType.FLOAT64, 2, 4))).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[2, 3]");
    }
}

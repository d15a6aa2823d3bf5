package org.equivariant4j.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    /** Two parameters with gradients [3, 0] and [0, 4]: global norm 5. */
    private static List<Parameter> withGradients() {
        Parameter a = new Parameter(Tensors.zeros(DType.FLOAT64, 2));
        Parameter b = new Parameter(Tensors.zeros(DType.FLOAT64, 2));
        Tensor loss = a.value().mul(Tensors.of(new double[] {3, 0}, DType.FLOAT64, 2)).sum()
                .add(b.value().mul(Tensors.of(new double[] {0, 4}, DType.FLOAT64, 2)).sum());
        loss.backward();
        return List.of(a, b);
    }

    @Test
    void scalesAllGradientsByOneFactorWhenTheGlobalNormIsTooLarge() {
        List<Parameter> ps = withGradients();
        double norm = GradientClipping.clipGlobalNorm(ps, 1.0);
        assertThat(norm).isCloseTo(5, within(1e-12));
        double f = 1.0 / (5 + 1e-6);
        assertThat(ps.get(0).grad().toDoubleArray()).containsExactly(new double[] {3 * f, 0}, within(1e-12));
        assertThat(ps.get(1).grad().toDoubleArray()).containsExactly(new double[] {0, 4 * f}, within(1e-12));
    }

    @Test
    void leavesSmallGradientsAlone() {
        List<Parameter> ps = withGradients();
        assertThat(GradientClipping.clipGlobalNorm(ps, 10)).isCloseTo(5, within(1e-12));
        assertThat(ps.get(1).grad().toDoubleArray()).containsExactly(0, 4);
    }

    @Test
    void ignoresParametersWithoutGradientsAndRefusesANonPositiveLimit() {
        Parameter none = new Parameter(Tensors.zeros(3));
        assertThat(GradientClipping.clipGlobalNorm(List.of(none), 1)).isZero();
        assertThatThrownBy(() -> GradientClipping.clipGlobalNorm(List.of(none), 0)).isInstanceOf(InvalidArgumentException.class);
    }
}

package org.equivariant4j.fields.enf.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

class OdeMethodTest {
    /** A damped rotation: dx/dt = A x with eigenvalues -0.3 +- 2i, exact solution exp(tA) x0. */
    private static final double DECAY = 0.3;
    private static final double FREQUENCY = 2.0;

    private static Tensor matrix() {
        return Tensors.of(new double[] {-DECAY, FREQUENCY, -FREQUENCY, -DECAY}, DType.FLOAT64, 2, 2);
    }

    /** The linear field x -> x A^T on a batch of row vectors [B, 2]. */
    private static VectorField linear(Tensor a) {
        return s -> OdeState.of(s.part(0).matmul(a.transpose(0, 1)));
    }

    private static double[] exact(double[] x0, double t) {
        double damp = Math.exp(-DECAY * t);
        double c = Math.cos(FREQUENCY * t);
        double s = Math.sin(FREQUENCY * t);
        return new double[] {damp * (c * x0[0] + s * x0[1]), damp * (-s * x0[0] + c * x0[1])};
    }

    private static double error(OdeMethod method, int substeps) {
        double[] x0 = {1.0, -0.5};
        List<OdeState> path = method.rollout(linear(matrix()), OdeState.of(Tensors.of(x0, DType.FLOAT64, 1, 2)), 2, 0.5,
                substeps);
        double[] got = path.get(2).part(0).toDoubleArray();
        double[] want = exact(x0, 1.0);
        return Math.hypot(got[0] - want[0], got[1] - want[1]);
    }

    // Halving the step divides the global error of an order-p method by 2^p once the step is in the asymptotic
    // range (here h <= 1/16 at |lambda| ~ 2): RK4's ratio lies within 10% of 16, Euler's near 2. The bound [14.4, 17.6]
    // is that 10%; the Euler case is the negative control that fails it.
    @Test
    void rk4HasFourthOrderGlobalError() {
        double ratio = error(OdeMethod.RK4, 8) / error(OdeMethod.RK4, 16);
        assertThat(ratio).as("RK4 error ratio when halving the step").isBetween(14.4, 17.6);
    }

    @Test
    void eulerHasFirstOrderErrorAndFailsTheRk4Bound() {
        double ratio = error(OdeMethod.EULER, 64) / error(OdeMethod.EULER, 128);
        assertThat(ratio).as("Euler error ratio").isBetween(1.8, 2.2); // so outside [14.4, 17.6]
    }

    @Test
    void rolloutReturnsEveryFrameStartingWithTheInitialState() {
        Tensor x0 = Tensors.of(new double[] {1, 2, 3, 4}, DType.FLOAT64, 2, 2);
        List<OdeState> path = OdeMethod.RK4.rollout(linear(matrix()), OdeState.of(x0), 3, 0.25, 2);
        assertThat(path).hasSize(4);
        assertThat(path.get(0).part(0)).isSameAs(x0);
        // batched: each row evolves on its own, as if rolled out alone
        Tensor alone = OdeMethod.RK4.rollout(linear(matrix()), OdeState.of(x0.narrow(0, 1, 1)), 3, 0.25, 2).get(3).part(0);
        assertThat(path.get(3).part(0).narrow(0, 1, 1).toDoubleArray()).containsExactly(alone.toDoubleArray(),
                offset(1e-14));
    }

    @Test
    void rk4RolloutIsDifferentiableInTheInitialStateAndTheField() {
        // a nonlinear field with a parameter: dx/dt = tanh(x A^T) - 0.1 x^3 on two state parts
        Tensor x0 = Tensors.of(new double[] {0.3, -0.7, 1.1, 0.2}, DType.FLOAT64, 2, 2);
        Tensor y0 = Tensors.of(new double[] {0.5, -0.4}, DType.FLOAT64, 2, 1);
        Tensor a = Tensors.of(new double[] {0.2, 1.3, -0.8, 0.1}, DType.FLOAT64, 2, 2);
        for (OdeMethod method : OdeMethod.values()) {
            GradientCheck.of(method.id() + " rollout", in -> {
                VectorField f = s -> OdeState.of(s.part(0).matmul(in[2].transpose(0, 1)).tanh()
                        .sub(s.part(0).pow(3).mul(0.1)).add(s.part(1)), s.part(1).mul(s.part(0).sum(1, true)).neg());
                List<OdeState> path = method.rollout(f, OdeState.of(in[0], in[1]), 2, 0.3, 2);
                return path.get(2).part(0).sum(1, true).add(path.get(1).part(1));
            }, x0, y0, a).assertCorrect();
        }
    }

    @Test
    void aFieldThatChangesShapeIsRefusedNamingThePart() {
        VectorField bad = s -> OdeState.of(s.part(0).sum(1, true));
        OdeState x = OdeState.of(Tensors.zeros(DType.FLOAT64, 2, 3));
        assertThatThrownBy(() -> OdeMethod.RK4.step(bad, x, 0.1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("part 0").hasMessageContaining("[2, 3]").hasMessageContaining("[2, 1]");
    }

    @Test
    void badRolloutArgumentsAndUnknownIdsAreRefused() {
        OdeState x = OdeState.of(Tensors.zeros(DType.FLOAT64, 1, 2));
        assertThatThrownBy(() -> OdeMethod.EULER.rollout(linear(matrix()), x, 2, 0.0, 1))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("interval");
        assertThatThrownBy(() -> OdeMethod.byId("dopri5")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("rk4").hasMessageContaining("euler");
        assertThat(OdeMethod.byId("RK4")).isEqualTo(OdeMethod.RK4);
    }
}

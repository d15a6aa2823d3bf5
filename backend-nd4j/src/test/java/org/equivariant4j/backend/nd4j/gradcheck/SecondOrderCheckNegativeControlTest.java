package org.equivariant4j.backend.nd4j.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.GradientCheckResult;
import org.junit.jupiter.api.Test;

/**
 * The second-order checker must fail on a function whose first derivative is right but whose
 * second is wrong, and must pass on the same function written honestly.
 */
class SecondOrderCheckNegativeControlTest {

    /**
     * {@code exp(x)} with a "straight-through" derivative: the value is {@code exp(x)} and the
     * first gradient {@code exp(x)}, but the factor carrying it is detached, so the recorded
     * gradient does not depend on x and the second derivative comes out 0 instead of {@code exp(x)}.
     */
    private static Tensor expWithDetachedDerivative(Tensor x) {
        Tensor e = x.detach().exp();
        return e.mul(x.sub(x.detach()).add(1.0));
    }

    @Test
    void firstOrderCheckCannotSeeTheFault() {
        GradientCheck.of("detached exp", in -> expWithDetachedDerivative(in[0]), new Inputs(3).normal(3, 4)).assertCorrect();
    }

    @Test
    void secondOrderCheckFailsOnAWrongSecondDerivative() {
        GradientCheck check = GradientCheck.of("detached exp", in -> expWithDetachedDerivative(in[0]), new Inputs(3).normal(3, 4));
        GradientCheckResult result = check.secondOrder().measure();
        assertThat(result.passed()).as(result.describe()).isFalse();
        assertThat(result.describe()).contains("Hessian-vector product").contains("FAILED");
        assertThatThrownBy(() -> check.secondOrder().assertCorrect()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("second order of detached exp");
    }

    @Test
    void secondOrderCheckPassesOnTheHonestFunction() {
        GradientCheck.of("exp", in -> in[0].exp(), new Inputs(3).normal(3, 4)).secondOrder().assertCorrect();
    }

    /**
     * The tolerance is not loose: a second derivative off by 1e-4 relative (exp scaled by
     * 1 + 1e-4 in the recorded derivative only) fails it.
     */
    @Test
    void aSmallErrorInTheSecondDerivativeFails() {
        GradientCheck check = GradientCheck.of("exp with a 1e-4 error in its second derivative", in -> {
            Tensor x = in[0];
            Tensor e = x.exp();
            // value exp(x); first derivative exp(x) (the extra term's derivative is 0 at the point);
            // second derivative exp(x) * (1 + 1e-4) from the quadratic term: 1e-4 * exp(x0) * (x - x0)^2 / 2.
            Tensor d = x.sub(x.detach());
            return e.add(d.mul(d).mul(x.detach().exp()).mul(0.5e-4));
        }, new Inputs(5).normal(3, 4));
        check.assertCorrect();
        assertThat(check.secondOrder().measure().passed()).isFalse();
    }
}

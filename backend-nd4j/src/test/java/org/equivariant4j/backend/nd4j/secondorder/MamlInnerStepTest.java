package org.equivariant4j.backend.nd4j.secondorder;

import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * MAML's meta-gradient: one SGD step on a support set taken inside the graph
 * ({@code theta' = theta - lr * dL_support/dtheta}, with createGraph), then the query loss at
 * {@code theta'} differentiated with respect to {@code theta} through the step. Checked against
 * finite differences of the whole two-level loss; the first-order approximation (dropping the
 * Hessian term, what a step without createGraph gives) is shown to fail the same check.
 */
class MamlInnerStepTest {
    private static final double LR = 0.3;

    private final Rng rng = new Rng(7);
    private final Tensor supportX = Tensors.randn(rng, DType.FLOAT64, 5, 3);
    private final Tensor supportY = Tensors.randn(rng, DType.FLOAT64, 5, 1);
    private final Tensor queryX = Tensors.randn(rng, DType.FLOAT64, 4, 3);
    private final Tensor queryY = Tensors.randn(rng, DType.FLOAT64, 4, 1);

    /** A two-layer tanh network; {@code p} holds w1 [3, 4], b1 [4], w2 [4, 1]. */
    private static Tensor net(Tensor x, Tensor[] p) {
        return x.matmul(p[0]).add(p[1]).tanh().matmul(p[2]);
    }

    private static Tensor mse(Tensor prediction, Tensor target) {
        Tensor d = prediction.sub(target);
        return d.mul(d).mean();
    }

    /** The query loss after one inner step; {@code secondOrder} false detaches the inner gradient (first-order MAML). */
    private Tensor metaLoss(Tensor[] theta, boolean secondOrder) {
        try (GradMode.Scope ignored = GradMode.enabled()) {
            Tensor[] p = theta;
            boolean tracking = theta[0].requiresGrad();
            if (!tracking) {
                // Finite-difference evaluations pass plain tensors: the inner step still needs their gradient.
                p = new Tensor[theta.length];
                for (int i = 0; i < p.length; i++) {
                    p[i] = theta[i].detach().requiresGrad(true);
                }
            }
            List<Tensor> g = Tensor.grad(List.of(mse(net(supportX, p), supportY)), List.of(p), secondOrder);
            Tensor[] adapted = new Tensor[p.length];
            for (int i = 0; i < p.length; i++) {
                adapted[i] = p[i].sub(g.get(i).mul(LR));
            }
            Tensor loss = mse(net(queryX, adapted), queryY);
            return tracking ? loss : loss.detach();
        }
    }

    private Tensor[] theta() {
        Rng r = new Rng(11);
        return new Tensor[] {Tensors.randn(r, DType.FLOAT64, 3, 4), Tensors.randn(r, DType.FLOAT64, 4),
            Tensors.randn(r, DType.FLOAT64, 4, 1)};
    }

    @Test
    void metaGradientThroughTheInnerStepMatchesFiniteDifferences() {
        GradientCheck.of("MAML meta-loss", p -> metaLoss(p, true), theta()).assertCorrect();
    }

    @Test
    void theFirstOrderApproximationIsMeasurablyDifferent() {
        org.assertj.core.api.Assertions.assertThat(
                GradientCheck.of("first-order MAML", p -> metaLoss(p, false), theta()).measure().passed())
                .as("dropping the Hessian term must be visible to the check, or the test above proves nothing").isFalse();
    }
}

package org.equivariant4j.backend.nd4j.secondorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * An input-gradient penalty {@code loss + lambda * ||d loss / d x||^2} (double backprop, as in
 * gradient regularisation or the invariance issue's penalties): its parameter gradient checked
 * against finite differences, and training through it shown to do what it is for, shrinking the
 * model's input gradient far below an unpenalised twin's while both fit the data.
 */
class InputGradientPenaltyTest {
    private final Rng rng = new Rng(3);
    private final Tensor x = Tensors.randn(rng, DType.FLOAT64, 32, 2);
    /** Targets from a steep function, so that an unpenalised fit has large input gradients. */
    private final Tensor y = x.narrow(1, 0, 1).mul(3.0).sin().add(x.narrow(1, 1, 1).mul(2.0));

    /** w1 [2, 16], b1 [16], w2 [16, 1]. */
    private static Tensor net(Tensor input, Tensor[] p) {
        return input.matmul(p[0]).add(p[1]).tanh().matmul(p[2]);
    }

    private Tensor[] init() {
        Rng r = new Rng(5);
        return new Tensor[] {Tensors.randn(r, DType.FLOAT64, 2, 16), Tensors.randn(r, DType.FLOAT64, 16).mul(0.1),
            Tensors.randn(r, DType.FLOAT64, 16, 1).mul(0.3)};
    }

    private Tensor fitLoss(Tensor[] p, Tensor input) {
        Tensor d = net(input, p).sub(y);
        return d.mul(d).mean();
    }

    /** Mean squared norm of the model's output gradient with respect to its input, kept in the graph. */
    private static Tensor inputGradientPenalty(Tensor[] p, Tensor xs) {
        Tensor input = xs.detach().requiresGrad(true);
        Tensor gx = Tensor.grad(List.of(net(input, p).sum()), List.of(input), true).get(0);
        return gx.mul(gx).sum(1, false).mean();
    }

    private Tensor penalised(Tensor[] p, double lambda) {
        try (GradMode.Scope ignored = GradMode.enabled()) {
            return fitLoss(p, x).add(inputGradientPenalty(p, x).mul(lambda));
        }
    }

    @Test
    void penaltyGradientMatchesFiniteDifferences() {
        Tensor[] p = init();
        GradientCheck.of("input-gradient penalty", q -> {
            boolean tracking = q[0].requiresGrad();
            Tensor[] params = q;
            if (!tracking) {
                // The penalty needs a graph even when the checker evaluates without one.
                params = new Tensor[q.length];
                for (int i = 0; i < q.length; i++) {
                    params[i] = q[i].detach().requiresGrad(true);
                }
            }
            Tensor loss = penalised(params, 0.5);
            return tracking ? loss : loss.detach();
        }, p).assertCorrect();
    }

    @Test
    void trainingThroughThePenaltyShrinksTheInputGradient() {
        Tensor[] plain = train(0.0);
        Tensor[] smooth = train(1.0);
        double plainPenalty;
        double smoothPenalty;
        try (GradMode.Scope ignored = GradMode.enabled()) {
            plainPenalty = inputGradientPenalty(plain, x).item();
            smoothPenalty = inputGradientPenalty(smooth, x).item();
        }
        // Both fit: the penalised model is not just a constant.
        double plainFit = fitLoss(plain, x).item();
        double smoothFit = fitLoss(smooth, x).item();
        double variance = y.var(new int[] {0, 1}, false).item();
        System.out.printf("[input-gradient penalty] fit %.4f vs %.4f (variance %.4f), penalty %.4f vs %.4f%n", plainFit, smoothFit,
                variance, plainPenalty, smoothPenalty);
        assertThat(plainFit).as("unpenalised fit, target variance " + variance).isLessThan(0.3 * variance);
        assertThat(smoothFit).as("penalised fit, target variance " + variance).isLessThan(0.8 * variance);
        assertThat(smoothPenalty).as("penalised model's mean squared input gradient vs unpenalised " + plainPenalty)
                .isLessThan(0.5 * plainPenalty);
    }

    private Tensor[] train(double lambda) {
        Tensor[] p = init();
        for (Tensor t : p) {
            t.requiresGrad(true);
        }
        for (int step = 0; step < 150; step++) {
            Tensor loss = penalised(p, lambda);
            List<Tensor> g = Tensor.grad(List.of(loss), List.of(p), false);
            try (GradMode.Scope ignored = GradMode.disabled()) {
                for (int i = 0; i < p.length; i++) {
                    p[i].assign(p[i].sub(g.get(i).mul(0.1)));
                }
            }
        }
        return p;
    }
}

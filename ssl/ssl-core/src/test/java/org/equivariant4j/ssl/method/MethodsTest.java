package org.equivariant4j.ssl.method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.UnaryOperator;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.ssl.augment.TwoViews;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;

class MethodsTest {
    private static final String ONLINE_W = "backbone.0.weight";
    private static final String TARGET_W = "target_backbone.0.weight";
    private static final UnaryOperator<Tensor> IDENTITY = UnaryOperator.identity();

    private static TwoViews views(long seed) {
        return new TwoViews(Tensors.randn(new Rng(seed), DType.FLOAT64, 6, 5), Tensors.randn(new Rng(seed + 1), DType.FLOAT64, 6, 5));
    }

    private static UnaryModule head(int in, int out, boolean bn, long seed) {
        return new MlpHead(in, 7, out, bn, new Rng(seed));
    }

    @Test
    void knownValuesOfTheNonContrastiveObjectives() {
        Tensor p = Tensors.of(new double[] {1, 0, 0, 2}, DType.FLOAT64, 2, 2);
        // predictions equal to the other view's targets: cos 1
        assertThat(SimSiam.objective(p, p, p.mul(3), p.mul(0.5)).item()).isCloseTo(-1, within(1e-12));
        assertThat(Byol.objective(p, p, p.mul(3), p.mul(0.5)).item()).isCloseTo(0, within(1e-12));
        // antipodal: cos -1; orthogonal: cos 0
        assertThat(Byol.objective(p, p, p.neg(), p.neg()).item()).isCloseTo(4, within(1e-12));
        Tensor q = Tensors.of(new double[] {0, 1, 3, 0}, DType.FLOAT64, 2, 2);
        assertThat(SimSiam.objective(p, p, q, q).item()).isCloseTo(0, within(1e-12));
    }

    @Test
    void theNonContrastiveObjectivesDifferentiateThePredictionsOnlyAndCorrectly() {
        Tensor p1 = Tensors.randn(new Rng(1), DType.FLOAT64, 3, 4);
        Tensor p2 = Tensors.randn(new Rng(2), DType.FLOAT64, 3, 4);
        Tensor z1 = Tensors.randn(new Rng(3), DType.FLOAT64, 3, 4);
        Tensor z2 = Tensors.randn(new Rng(4), DType.FLOAT64, 3, 4);
        GradientCheck.of("SimSiam.objective", in -> SimSiam.objective(in[0], in[1], in[2], in[3]), p1, p2, z1, z2)
                .constant(2).constant(3).assertCorrect();
        GradientCheck.of("Byol.objective", in -> Byol.objective(in[0], in[1], in[2], in[3]), p1, p2, z1, z2)
                .constant(2).constant(3).assertCorrect();
        // The stop-gradient: the targets get no gradient although the loss depends on them.
        Tensor t = z1.detach().requiresGrad(true);
        Tensor p = p1.detach().requiresGrad(true);
        SimSiam.objective(p, p2, t, z2).backward();
        assertThat(p.grad()).as("the prediction's gradient").isNotNull();
        assertThat(t.grad() == null || t.grad().abs().max().item() == 0).as("SimSiam's stop-gradient").isTrue();
    }

    @Test
    void headsAndSimClrTrainEveryParameterWithCorrectGradients() {
        SimClr simclr = new SimClr(head(5, 6, false, 1), head(6, 3, false, 2), 0.5, IDENTITY);
        simclr.to(DType.FLOAT64);
        TwoViews v = views(10);
        for (String name : simclr.namedParameters().keySet()) {
            ParameterGradientCheck.of(simclr, name, () -> simclr.loss(v)).assertCorrect();
        }
    }

    @Test
    void aBatchNormHeadHasCorrectGradients() {
        MlpHead h = new MlpHead(5, 7, 3, true, new Rng(3));
        h.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(4), DType.FLOAT64, 6, 5);
        for (String name : h.namedParameters().keySet()) {
            ParameterGradientCheck.of(h, name, () -> h.forward(x)).assertCorrect();
        }
    }

    @Test
    void simSiamGradientsReachItsNetworksThroughThePredictionsAndMatchTheStopGradientObjective() {
        SimSiam simsiam = new SimSiam(head(5, 6, false, 1), head(6, 4, false, 2), head(4, 4, false, 3), IDENTITY);
        simsiam.to(DType.FLOAT64);
        TwoViews v = views(20);
        // With the projections held fixed (stop-gradient), the predictor's gradient is the true one of the objective.
        for (String name : simsiam.namedParameters().keySet()) {
            if (name.startsWith("predictor")) {
                ParameterGradientCheck.of(simsiam, name, () -> simsiam.loss(v)).assertCorrect();
            }
        }
        simsiam.zeroGrad();
        simsiam.loss(v).backward();
        for (Parameter p : simsiam.trainableParameters()) {
            assertThat(p.grad()).as("every parameter gets a gradient").isNotNull();
        }
    }

    @Test
    void byolStartsWithTargetEqualToOnlineAndMovesItByTheEmaRate() {
        double tau = 0.9;
        Byol byol = new Byol(head(5, 6, false, 1), head(6, 4, false, 2), head(4, 4, false, 3), head(5, 6, false, 7),
                head(6, 4, false, 8), tau, IDENTITY);
        byol.to(DType.FLOAT64);
        var state = byol.stateDict();
        assertThat(state.get(TARGET_W).toDoubleArray())
                .containsExactly(state.get(ONLINE_W).toDoubleArray());
        assertThat(byol.trainableParameters()).hasSize(byol.parameters().size() - 8);
        double[] target0 = state.get(TARGET_W).toDoubleArray();
        Parameter online = byol.namedParameters().get(ONLINE_W);
        online.set(online.value().add(1));
        byol.afterStep();
        double[] target1 = byol.stateDict().get(TARGET_W).toDoubleArray();
        for (int i = 0; i < target0.length; i++) {
            // tau t + (1 - tau)(t + 1) = t + 0.1
            assertThat(target1[i]).isCloseTo(target0[i] + (1 - tau), within(1e-12));
        }
        byol.zeroGrad();
        byol.loss(views(30)).backward();
        assertThat(byol.namedParameters().get(TARGET_W).grad()).as("the target gets no gradient")
                .isNull();
        for (Parameter p : byol.trainableParameters()) {
            assertThat(p.grad()).isNotNull();
        }
    }
}

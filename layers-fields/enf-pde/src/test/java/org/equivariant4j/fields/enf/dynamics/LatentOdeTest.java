package org.equivariant4j.fields.enf.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.enf.bi.BiInvariant;
import org.equivariant4j.fields.enf.bi.BiInvariants;
import org.equivariant4j.fields.enf.bi.PoseMotion;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The latent ODE commutes with the group of its bi-invariant: for random motions g, F(g·p, c) = (g_* dp/dt, dc/dt),
 * and an RK4 rollout from g·p is g applied to the rollout from p. Measured in float64 relative to the size of the
 * output; the bound 1e-9 is float64 round-off through a few hundred flops, and the absolute-position ODE (the same
 * network, not invariant) is the negative control that misses it by orders of magnitude.
 */
class LatentOdeTest {
    private static final int BATCH = 2;
    private static final int LATENTS = 4;
    private static final int CONTEXT = 3;
    private static final int MOTIONS = 5;
    private static final double FLOAT64_BOUND = 1e-9;
    /** The torus of the registry's periodic bi-invariant; positions are compared modulo it. */
    private static final double TORUS_SIDE = 1.0;

    private static BiInvariant invariant(String id) {
        return BiInvariants.load().get(id);
    }

    /** A float64 ODE with an O(1) readout, so an equivariance error is not hidden by a small output. */
    private static LatentOde ode(BiInvariant bi, long seed) {
        return new LatentOde(bi, CONTEXT, new LatentOde.Sizes(8, 2, 1.0), DType.FLOAT64, new Rng(seed));
    }

    private static OdeState state(BiInvariant bi, Rng rng) {
        Tensor poses = bi.samplePoses(rng, BATCH * LATENTS, DType.FLOAT64).reshape(BATCH, LATENTS, bi.poseDim());
        Tensor contexts = Tensors.randn(rng, DType.FLOAT64, BATCH, LATENTS, CONTEXT);
        return OdeState.of(poses, contexts);
    }

    /** max |a - b| / max |b|, with pose differences taken modulo the torus for the periodic bi-invariant. */
    private static double relativeError(BiInvariant bi, Tensor a, Tensor b, boolean poses) {
        Tensor d = a.sub(b);
        if (poses && bi.id().equals("torus")) {
            double[] v = d.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] -= TORUS_SIDE * Math.rint(v[i] / TORUS_SIDE);
            }
            d = Tensors.of(v, DType.FLOAT64, d.shape());
        }
        return d.abs().max().item() / Math.max(b.abs().max().item(), 1e-300);
    }

    /** The worst relative error of the vector field's equivariance over {@link #MOTIONS} random motions. */
    private static double vectorFieldError(String id) {
        BiInvariant bi = invariant(id);
        LatentOde f = ode(bi, 3);
        Rng rng = new Rng(11);
        double worst = 0;
        for (int m = 0; m < MOTIONS; m++) {
            OdeState x = state(bi, rng);
            PoseMotion g = bi.sample(rng);
            OdeState fx = f.derivative(x);
            Tensor movedPoses = g.actOnPoses(x.part(0));
            OdeState fgx = f.derivative(OdeState.of(movedPoses, x.part(1)));
            // g acts affinely on every pose layout here, so its differential maps v to g(p + v) - g(p)
            Tensor pushed = g.actOnPoses(x.part(0).add(fx.part(0))).sub(movedPoses);
            worst = Math.max(worst, relativeError(bi, fgx.part(0), pushed, true));
            worst = Math.max(worst, relativeError(bi, fgx.part(1), fx.part(1), false));
        }
        return worst;
    }

    /** The worst relative error of rollout(g·x) against g·rollout(x), RK4, over every frame. */
    private static double rolloutError(String id) {
        BiInvariant bi = invariant(id);
        LatentOde f = ode(bi, 5);
        Rng rng = new Rng(13);
        double worst = 0;
        for (int m = 0; m < 2; m++) {
            OdeState x = state(bi, rng);
            PoseMotion g = bi.sample(rng);
            List<OdeState> path = OdeMethod.RK4.rollout(f, x, 3, 0.2, 2);
            List<OdeState> moved = OdeMethod.RK4.rollout(f, OdeState.of(g.actOnPoses(x.part(0)), x.part(1)), 3, 0.2, 2);
            for (int t = 1; t < path.size(); t++) {
                worst = Math.max(worst, relativeError(bi, moved.get(t).part(0), g.actOnPoses(path.get(t).part(0)), true));
                worst = Math.max(worst, relativeError(bi, moved.get(t).part(1), path.get(t).part(1), false));
            }
        }
        return worst;
    }

    @ParameterizedTest
    @ValueSource(strings = {"translation", "se2", "torus", "sphere"})
    void theVectorFieldIsEquivariant(String id) {
        assertThat(vectorFieldError(id)).as("%s: relative equivariance error of (dp/dt, dc/dt)", id)
                .isLessThan(FLOAT64_BOUND);
    }

    @ParameterizedTest
    @ValueSource(strings = {"translation", "se2", "torus", "sphere"})
    void anRk4RolloutCommutesWithTheGroup(String id) {
        assertThat(rolloutError(id)).as("%s: relative error of rollout(g x) against g rollout(x)", id)
                .isLessThan(FLOAT64_BOUND);
    }

    @Test
    void theAbsolutePositionOdeIsNotEquivariant() {
        assertThat(vectorFieldError("absolute")).as("absolute: vector field").isGreaterThan(1e-3);
        assertThat(rolloutError("absolute")).as("absolute: rollout").isGreaterThan(1e-3);
    }

    @Test
    void gradientsReachPosesContextsAndWeights() {
        BiInvariant bi = invariant("se2");
        LatentOde f = ode(bi, 7);
        OdeState x = state(bi, new Rng(17));
        GradientCheck.of("LatentOde (se2)", in -> {
            OdeState d = f.derivative(OdeState.of(in[0], in[1]));
            return Tensors.concat(-1, d.part(0), d.part(1));
        }, x.part(0), x.part(1)).assertCorrect();
        for (String name : List.of("embed_edge.weight", "layers.0.message.weight", "layers.1.update.bias",
                "local_velocity.weight", "context_rate.weight")) {
            ParameterGradientCheck.of(f, name, () -> {
                OdeState path = OdeMethod.RK4.rollout(f, x, 1, 0.3, 1).get(1);
                return Tensors.concat(-1, path.part(0), path.part(1));
            }).assertCorrect();
        }
    }

    @Test
    void wrongShapesAreRefusedNamingTheExpectedOnes() {
        BiInvariant bi = invariant("se2");
        LatentOde f = ode(bi, 1);
        OdeState wrongPose = OdeState.of(Tensors.zeros(DType.FLOAT64, 1, 4, 2), Tensors.zeros(DType.FLOAT64, 1, 4, CONTEXT));
        assertThatThrownBy(() -> f.derivative(wrongPose)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("se2").hasMessageContaining("[B, L, 3]").hasMessageContaining("[1, 4, 2]");
        assertThatThrownBy(() -> f.derivative(OdeState.of(Tensors.zeros(DType.FLOAT64, 1, 4, 3))))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("(poses, contexts)");
    }
}

package org.equivariant4j.fields.enf.pde;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The pseudo-spectral Navier-Stokes solver against closed forms and its own symmetries. */
class TorusVorticitySolverTest {
    private static final int N = 16;

    private static double[] field(java.util.function.DoubleBinaryOperator f) {
        double[] out = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                out[i * N + j] = f.applyAsDouble((double) i / N, (double) j / N);
            }
        }
        return out;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /**
     * ψ = sin 2πx + sin 4πy: ω = 4π² sin 2πx + 16π² sin 4πy, u = ψ_y = 4π cos 4πy, v = -ψ_x = -2π cos 2πx, so
     * u ω_x + v ω_y = (32 - 128) π⁴ cos 2πx cos 4πy. Every product mode is inside the 2/3 band at n = 16, so the
     * spectral term is exact up to rounding (1e-9 of its size of ~9,000). A swapped or sign-flipped velocity
     * gives +96π⁴ or 160π⁴ instead: off by more than the value itself.
     */
    @Test
    void theAdvectionTermMatchesItsClosedForm() {
        double tp = 2 * Math.PI;
        double[] omega = field((x, y) -> tp * tp * Math.sin(tp * x) + 4 * tp * tp * Math.sin(2 * tp * y));
        double[] expected = field((x, y) -> 96 * Math.pow(Math.PI, 4) * Math.cos(tp * x) * Math.cos(2 * tp * y));
        TorusVorticitySolver solver = new TorusVorticitySolver(N, 0, new double[N * N], 0.01);
        double[] got = solver.advectionOnGrid(omega, 1);
        for (int p = 0; p < N * N; p++) {
            got[p] -= expected[p];
        }
        assertThat(maxAbs(got)).isLessThan(1e-9 * maxAbs(expected));
    }

    /**
     * Taylor-Green: ω = sin 2πx sin 2πy is a function of ψ alone, so u · ∇ω = 0 and ω decays as exp(-8π² ν t)
     * exactly; the integrating factor applies that decay exactly, leaving rounding (1e-12 of the amplitude).
     */
    @Test
    void taylorGreenDecaysExactly() {
        double nu = 0.01;
        double tp = 2 * Math.PI;
        double[] omega = field((x, y) -> Math.sin(tp * x) * Math.sin(tp * y));
        new TorusVorticitySolver(N, nu, new double[N * N], 0.05).advance(omega, 1, 2.0);
        double decay = Math.exp(-2 * tp * tp * nu * 2.0);
        double[] expected = field((x, y) -> decay * Math.sin(tp * x) * Math.sin(tp * y));
        for (int p = 0; p < N * N; p++) {
            omega[p] -= expected[p];
        }
        assertThat(maxAbs(omega)).isLessThan(1e-12);
        assertThat(decay).as("the check is not vacuous: a visible decay").isLessThan(0.75);
    }

    /** The forcing and u · ∇ω = ∇ · (u ω) have zero mean, so the mean vorticity stays what it was (here 0.3). */
    @Test
    void conservesTheMeanVorticity() {
        NavierStokesConfig config = new NavierStokesConfig(N, 1e-3, 0.3, 2.5, 7.0, 0, 1, 1.0, 0.02);
        double[] omega = new GaussianRandomField(N, 2.5, 7.0).sample(new Rng(4));
        for (int p = 0; p < N * N; p++) {
            omega[p] += 0.3;
        }
        double[] before = omega.clone();
        config.solver().advance(omega, 1, 3.0);
        assertThat(mean(omega)).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        double change = 0;
        for (int p = 0; p < N * N; p++) {
            change = Math.max(change, Math.abs(omega[p] - before[p]));
        }
        assertThat(change).as("the flow did move").isGreaterThan(0.1);
    }

    /**
     * Fourth order in the step: halving it divides the difference to a fine reference by about 16 (accepted 10 to
     * 24: the ratio tends to 16 as the step shrinks, and first or second order would give 2 or 4).
     */
    @Test
    void convergesAtFourthOrderInTime() {
        double[] start = new GaussianRandomField(N, 2.5, 7.0).sample(new Rng(9));
        double[] reference = run(start, 0.0025);
        double coarse = distance(run(start, 0.04), reference);
        double fine = distance(run(start, 0.02), reference);
        assertThat(coarse / fine).isBetween(10.0, 24.0);
    }

    /** A quarter turn and a half-period shift of the initial condition give the moved trajectory: the flow commutes. */
    @Test
    void commutesWithQuarterTurnsAndHalfShifts() {
        double[] start = new GaussianRandomField(N, 2.5, 7.0).sample(new Rng(2));
        double scale = maxAbs(run(start, 0.02));
        assertThat(commutator(start, 1, N / 2, 0)).isLessThan(1e-10 * scale);
        assertThat(commutator(start, 3, N / 2, N / 2)).isLessThan(1e-10 * scale);
        // negative control: a quarter-period shift is not a symmetry of the forcing
        assertThat(commutator(start, 0, N / 4, 0)).isGreaterThan(1e-3 * scale);
    }

    /** Max distance between "move, then run 2.0" and "run 2.0, then move" under the forced flow. */
    private static double commutator(double[] start, int quarterTurns, int shiftX, int shiftY) {
        double[] moved = start.clone();
        TorusSymmetry.apply(moved, 0, N, quarterTurns, shiftX, shiftY);
        double[] movedThenRun = run(moved, 0.02);
        double[] runThenMoved = run(start, 0.02);
        TorusSymmetry.apply(runThenMoved, 0, N, quarterTurns, shiftX, shiftY);
        return distance(movedThenRun, runThenMoved);
    }

    /** A step far beyond the Courant limit is refused with a message, not run into a blown-up field. */
    @Test
    void refusesAStepBeyondTheCourantLimit() {
        double[] omega = new GaussianRandomField(N, 2.5, 7.0).sample(new Rng(3));
        for (int p = 0; p < N * N; p++) {
            omega[p] *= 100;
        }
        TorusVorticitySolver solver = new TorusVorticitySolver(N, 1e-3, new double[N * N], 0.5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> solver.advance(omega, 1, 1.0))
                .isInstanceOf(org.equivariant4j.core.error.NumericalAnomalyException.class)
                .hasMessageContaining("Courant number").hasMessageContaining("smaller step");
    }

    /** {@code start} run for 2.0 under the reference viscosity and forcing with steps of {@code step}. */
    private static double[] run(double[] start, double step) {
        NavierStokesConfig config = new NavierStokesConfig(N, 1e-3, 0.3, 2.5, 7.0, 0, 1, 1.0, step);
        double[] w = start.clone();
        config.solver().advance(w, 1, 2.0);
        return w;
    }

    private static double distance(double[] a, double[] b) {
        double m = 0;
        for (int p = 0; p < a.length; p++) {
            m = Math.max(m, Math.abs(a[p] - b[p]));
        }
        return m;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}

package org.equivariant4j.fields.enf.pde;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.Quaternion;
import org.equivariant4j.groups.SO3;
import org.equivariant4j.groups.SphericalHarmonics;
import org.junit.jupiter.api.Test;

/** Heat on the sphere: single harmonics decay exactly, Gaussian peaks are reproduced, rotations commute. */
class SphereHeatSolverTest {
    private static final double D = 0.01;

    /**
     * A single harmonic Y_lm is an eigenfunction: at time t it is exp(-D l (l + 1) t) Y_lm at every grid point, to
     * rounding (1e-12: the separable grid evaluation and the direct one sum the same terms in another order).
     */
    @Test
    void aSingleHarmonicDecaysExactlyOnTheGrid() {
        int rows = 12;
        int cols = 20;
        SphereHeatSolver solver = new SphereHeatSolver(rows, cols, 6, D);
        PdeGrid grid = PdeGrid.sphere(rows, cols);
        double[] out = new double[rows * cols];
        for (int l = 0; l <= 6; l++) {
            for (int m = -l; m <= l; m++) {
                double[] a = new double[solver.coefficients()];
                a[l * l + l + m] = 1;
                solver.evaluateOnGrid(a, 3.0, out, 0);
                double decay = Math.exp(-D * l * (l + 1) * 3.0);
                for (int p = 0; p < rows * cols; p++) {
                    double[] y = SphericalHarmonics.evaluate(l, grid.coordinate(p, 0), grid.coordinate(p, 1),
                            grid.coordinate(p, 2));
                    assertThat(out[p]).as("l=%d m=%d point %d", l, m, p).isCloseTo(decay * y[l + m],
                            org.assertj.core.data.Offset.offset(1e-12));
                }
            }
        }
    }

    /**
     * The Gaussian peak of width 0.25 is reproduced at t = 0 at every grid point to 1e-8 of its height: its content
     * beyond degree 32 is under e^-33, and Simpson's error bound on 8,192 intervals, (π/8192)^4 / 180 · π · 32^4
     * (the fourth derivative of P_32 grows like 32^4), is about 4e-10. The negative control truncates at degree 12
     * (content there about e^-5 of the peak) and fails the same bound.
     */
    @Test
    void theGaussianPeakIsReproducedAtTimeZero() {
        assertThat(peakError(32)).isLessThan(1e-8);
        assertThat(peakError(12)).isGreaterThan(1e-8);
    }

    /** Max |u(x, 0) - peak(x)| over the grid, in double precision (the stored frames add float32 rounding). */
    private static double peakError(int degree) {
        HeatSphereConfig config = new HeatSphereConfig(16, 32, D, 0.25, degree, 1, 0.5);
        double[] centre = config.centre(1, Split.TRAIN, 0);
        SphereHeatSolver solver = config.solver();
        double[] a = new double[solver.coefficients()];
        solver.addZonal(ZonalProfile.gaussianPeak(0.25, degree), centre, a);
        PdeGrid grid = config.grid();
        double[] u = new double[grid.points()];
        solver.evaluateOnGrid(a, 0, u, 0);
        double error = 0;
        for (int p = 0; p < grid.points(); p++) {
            double dot = grid.coordinate(p, 0) * centre[0] + grid.coordinate(p, 1) * centre[1] + grid.coordinate(p, 2)
                    * centre[2];
            double d = Math.acos(Math.max(-1, Math.min(1, dot)));
            error = Math.max(error, Math.abs(u[p] - Math.exp(-d * d / (2 * 0.25 * 0.25))));
        }
        return error;
    }

    /** Turning the centre by R gives the field turned by R: u_R(R x, t) = u(x, t) at random points and times. */
    @Test
    void rotatingThePeakRotatesTheSolution() {
        SphereHeatSolver solver = new SphereHeatSolver(4, 4, 32, D);
        double[] profile = ZonalProfile.gaussianPeak(0.25, 32);
        Rng rng = new Rng(5);
        double[] centre = {0.3, -0.2, 0.93};
        Quaternion q = SO3.group().sample(rng).quaternion();
        double[] a = new double[solver.coefficients()];
        double[] b = new double[solver.coefficients()];
        solver.addZonal(profile, centre, a);
        solver.addZonal(profile, q.rotate(centre), b);
        for (int s = 0; s < 20; s++) {
            double[] x = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double[] rx = q.rotate(x);
            double t = rng.nextDouble(0, 5);
            assertThat(solver.evaluate(b, t, rx[0], rx[1], rx[2])).isCloseTo(solver.evaluate(a, t, x[0], x[1], x[2]),
                    org.assertj.core.data.Offset.offset(1e-10));
        }
    }

    /** The mean (degree 0) is conserved while the peak spreads and falls. */
    @Test
    void conservesTheMeanWhileThePeakFalls() {
        HeatSphereConfig config = new HeatSphereConfig(32, 64, D, 0.25, 32, 20, 0.5);
        Trajectories t = config.simulate(2, Split.TRAIN, 0, 1);
        double first = sphereMean(t.frame(0, 0), config);
        double last = sphereMean(t.frame(0, 19), config);
        assertThat(last).isCloseTo(first, org.assertj.core.data.Offset.offset(1e-3 * first));
        float peak0 = FrameStats.max(t.frame(0, 0));
        float peak19 = FrameStats.max(t.frame(0, 19));
        assertThat(peak19).isLessThan(0.8f * peak0);
    }

    /** The area-weighted grid mean (weights sin θ): close to the exact mean for a resolved field. */
    private static double sphereMean(float[] f, HeatSphereConfig c) {
        double sum = 0;
        double weights = 0;
        for (int j = 0; j < c.latitudes(); j++) {
            double w = Math.sin(PdeGrid.colatitude(j, c.latitudes()));
            for (int k = 0; k < c.longitudes(); k++) {
                sum += w * f[j * c.longitudes() + k];
                weights += w;
            }
        }
        return sum / weights;
    }

    @Test
    void trainCentresAreNorthernAndTransformedOnesAreRotatedTestCentres() {
        HeatSphereConfig config = HeatSphereConfig.toy();
        int south = 0;
        for (int k = 0; k < 40; k++) {
            assertThat(config.centre(3, Split.TRAIN, k)[2]).isGreaterThanOrEqualTo(0);
            double[] test = config.centre(3, Split.TEST, k);
            double[] moved = config.centre(3, Split.TRANSFORMED_TEST, k);
            assertThat(test[2]).isGreaterThanOrEqualTo(0);
            assertThat(moved[0] * moved[0] + moved[1] * moved[1] + moved[2] * moved[2]).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-12));
            south += moved[2] < 0 ? 1 : 0;
        }
        // Haar rotations send about half of the centres south (binomial(40, 1/2): 8..32 has probability > 0.9999)
        assertThat(south).isBetween(8, 32);
    }

    /**
     * Each transformed trajectory is its test trajectory turned by the drawn rotation R: its value at grid point x
     * is the test solution at R^-1 x (evaluated off the grid), to float32 storage (1e-6 of the peak).
     */
    @Test
    void theTransformedSplitIsTheTestSplitRotated() {
        HeatSphereConfig config = new HeatSphereConfig(12, 24, D, 0.25, 32, 4, 0.5);
        SphereHeatSolver solver = config.solver();
        Trajectories moved = config.simulate(8, Split.TRANSFORMED_TEST, 0, 3);
        PdeGrid grid = config.grid();
        for (int k = 0; k < 3; k++) {
            double[] a = new double[solver.coefficients()];
            solver.addZonal(ZonalProfile.gaussianPeak(0.25, 32), config.centre(8, Split.TEST, k), a);
            Quaternion inverse = SO3.group().sample(TrajectorySeeds.transformation(8, k)).quaternion().conjugate();
            for (int t = 0; t < 4; t++) {
                for (int p = 0; p < grid.points(); p += 7) {
                    double[] back = inverse.rotate(new double[] {grid.coordinate(p, 0), grid.coordinate(p, 1),
                            grid.coordinate(p, 2)});
                    assertThat((double) moved.value(k, t, p)).isCloseTo(solver.evaluate(a, t * 0.5, back[0], back[1],
                            back[2]), org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }
}

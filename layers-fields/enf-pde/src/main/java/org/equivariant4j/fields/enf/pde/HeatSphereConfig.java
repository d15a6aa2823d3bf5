package org.equivariant4j.fields.enf.pde;

import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.Quaternion;
import org.equivariant4j.groups.SO3;

/**
 * Heat diffusion on the unit sphere, after the reference data (david-knigge/enf-pde): D = 0.01, initial condition a
 * Gaussian peak {@code exp(-d^2 / (2 · 0.25^2))} of the geodesic distance d to a random centre, observed on a
 * latitude/longitude grid (128 longitudes x 64 latitudes in the reference), solved exactly in spherical harmonics
 * up to {@code degree} ({@link SphereHeatSolver}; at width 0.25 the peak's degree-l content falls like
 * exp(-l (l + 1) 0.25^2 / 2), under e^-33 beyond degree 32). Frames every 0.5, the first the initial condition.
 *
 * <p>Unlike the reference (centres uniform on the sphere), train and test centres are uniform on the northern
 * hemisphere: a distribution that is not rotation invariant, so a rotated test set can be out of distribution. The
 * transformed test split turns each test initial condition by a Haar-random rotation (its centre goes anywhere on
 * the sphere). Rotations commute with the Laplace-Beltrami operator and the solver is exact, so a transformed
 * trajectory is the test trajectory rotated, to the truncation error.
 */
public record HeatSphereConfig(int latitudes, int longitudes, double diffusivity, double width, int degree, int frames,
        double dt) implements PdeConfig {

    public HeatSphereConfig {
        if (latitudes < 2 || longitudes < 3 || !(diffusivity > 0) || !(width > 0) || degree < 1 || frames < 1
                || !(dt > 0)) {
            throw new InvalidArgumentException("HeatSphereConfig: need >= 2 latitudes, >= 3 longitudes, diffusivity > 0,"
                    + " width > 0, degree >= 1, frames >= 1 and dt > 0; got " + this);
        }
    }

    /** The reference: 64 latitudes x 128 longitudes, D = 0.01, width 0.25, degree 32, 20 frames every 0.5. */
    public static HeatSphereConfig reference() {
        return new HeatSphereConfig(64, 128, 0.01, 0.25, 32, 20, 0.5);
    }

    /** The reference physics on 16 latitudes x 32 longitudes: for tests and toy experiments. */
    public static HeatSphereConfig toy() {
        return new HeatSphereConfig(16, 32, 0.01, 0.25, 32, 20, 0.5);
    }

    /** The same settings with another number of frames. */
    public HeatSphereConfig withFrames(int value) {
        return new HeatSphereConfig(latitudes, longitudes, diffusivity, width, degree, value, dt);
    }

    @Override
    public PdeProblem problem() {
        return PdeProblem.HEAT_SPHERE;
    }

    @Override
    public PdeGrid grid() {
        return PdeGrid.sphere(latitudes, longitudes);
    }

    @Override
    public String key() {
        return String.format(Locale.ROOT, "heat-sphere-%dx%d-D%s-w%s-l%d-T%d-dt%s", latitudes, longitudes, diffusivity, width,
                degree, frames, dt);
    }

    /** The solver of these settings. */
    public SphereHeatSolver solver() {
        return new SphereHeatSolver(latitudes, longitudes, degree, diffusivity);
    }

    /** The centre of the peak of trajectory {@code index} of {@code split} (a unit vector). */
    public double[] centre(long seed, Split split, int index) {
        Rng rng = TrajectorySeeds.initialCondition(seed, split, index);
        double z = rng.nextDouble(); // uniform in [0, 1): uniform area on the northern hemisphere
        double phi = rng.nextDouble(0, 2 * Math.PI);
        double r = Math.sqrt(1 - z * z);
        double[] c = {r * Math.cos(phi), r * Math.sin(phi), z};
        if (split == Split.TRANSFORMED_TEST) {
            Quaternion q = SO3.group().sample(TrajectorySeeds.transformation(seed, index)).quaternion();
            c = q.rotate(c);
        }
        return c;
    }

    @Override
    public Trajectories simulate(long seed, Split split, int from, int count) {
        SphereHeatSolver solver = solver();
        double[] profile = ZonalProfile.gaussianPeak(width, degree);
        int points = latitudes * longitudes;
        float[] values = new float[count * frames * points];
        double[] frame = new double[points];
        for (int k = 0; k < count; k++) {
            double[] coefficients = new double[solver.coefficients()];
            solver.addZonal(profile, centre(seed, split, from + k), coefficients);
            for (int t = 0; t < frames; t++) {
                solver.evaluateOnGrid(coefficients, t * dt, frame, 0);
                for (int p = 0; p < points; p++) {
                    values[(k * frames + t) * points + p] = (float) frame[p];
                }
            }
        }
        return new Trajectories(count, frames, points, dt, values);
    }
}

package org.equivariant4j.fields.enf.pde;

import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;

/**
 * Heat diffusion on the plane, after the reference data of Knigge et al. (david-knigge/enf-pde): an n x n grid on
 * [-3, 3]^2 with a no-flux boundary, diffusivity 0.1, one point source of mass uniform in [5, 5.5] released at a
 * point uniform in x in [-2, 2], y in [0, 2] (the upper half: training and test), frames every 0.5 time units,
 * the first {@code firstFrameTime} = 3.5 after the release (the reference drops its first 7 frames of 0.5).
 *
 * <p>A point is not a field on a grid, so the simulation starts at time 0.5 after the release from the exact
 * free-space heat kernel {@code m / (4π D t) exp(-|x - s|^2 / (4 D t))} (width sqrt(2 D t) = 0.32, over three grid
 * spacings at n = 64) and runs {@link PlaneHeatSolver} from there.
 *
 * <p>The transformed test split: each test source turned by a half turn about the origin, {@code s -> -s}, which
 * puts it in the lower half (y in [-2, 0], the reference's test distribution). The half turn maps the square, its
 * boundary and the grid onto themselves, so the transformed trajectory is the test trajectory turned, frame by frame.
 */
public record HeatPlaneConfig(int size, double halfWidth, double diffusivity, double firstFrameTime, int frames, double dt)
        implements PdeConfig {
    /** When the simulation takes over from the exact kernel (time after the release). */
    static final double KERNEL_TIME = 0.5;
    static final double MIN_MASS = 5.0;
    static final double MAX_MASS = 5.5;
    static final double SOURCE_HALF_WIDTH = 2.0;

    public HeatPlaneConfig {
        if (size < 3 || !(halfWidth > SOURCE_HALF_WIDTH) || !(diffusivity > 0) || !(firstFrameTime >= KERNEL_TIME)
                || frames < 1 || !(dt > 0)) {
            throw new InvalidArgumentException("HeatPlaneConfig: need size >= 3, halfWidth > " + SOURCE_HALF_WIDTH
                    + ", diffusivity > 0, firstFrameTime >= " + KERNEL_TIME + ", frames >= 1, dt > 0; got " + this);
        }
    }

    /** The reference: 64 x 64 on [-3, 3]^2, D = 0.1, first frame at 3.5, 20 frames every 0.5. */
    public static HeatPlaneConfig reference() {
        return new HeatPlaneConfig(64, 3.0, 0.1, 3.5, 20, 0.5);
    }

    /** The reference physics on a 32 x 32 grid: for tests and toy experiments. */
    public static HeatPlaneConfig toy() {
        return new HeatPlaneConfig(32, 3.0, 0.1, 3.5, 20, 0.5);
    }

    /** The same settings with another number of frames. */
    public HeatPlaneConfig withFrames(int value) {
        return new HeatPlaneConfig(size, halfWidth, diffusivity, firstFrameTime, value, dt);
    }

    @Override
    public PdeProblem problem() {
        return PdeProblem.HEAT_PLANE;
    }

    @Override
    public PdeGrid grid() {
        return PdeGrid.plane(size, halfWidth);
    }

    @Override
    public String key() {
        return String.format(Locale.ROOT, "heat-plane-n%d-L%s-D%s-t0%s-T%d-dt%s", size, halfWidth, diffusivity,
                firstFrameTime, frames, dt);
    }

    @Override
    public Trajectories simulate(long seed, Split split, int from, int count) {
        int points = size * size;
        double[] fields = new double[count * points];
        PdeGrid grid = grid();
        for (int k = 0; k < count; k++) {
            Rng rng = TrajectorySeeds.initialCondition(seed, split, from + k);
            double x = rng.nextDouble(-SOURCE_HALF_WIDTH, SOURCE_HALF_WIDTH);
            double y = rng.nextDouble(0, SOURCE_HALF_WIDTH);
            double mass = rng.nextDouble(MIN_MASS, MAX_MASS);
            if (split == Split.TRANSFORMED_TEST) {
                x = -x;
                y = -y;
            }
            heatKernel(grid, x, y, mass, diffusivity, KERNEL_TIME, fields, k * points);
        }
        PlaneHeatSolver solver = new PlaneHeatSolver(size, halfWidth, diffusivity);
        solver.advance(fields, count, firstFrameTime - KERNEL_TIME);
        BatchEvolution evolution = solver::advance;
        return evolution.record(fields, count, points, frames, dt);
    }

    /** Writes the free-space heat kernel of a source of {@code mass} at (x, y), {@code time} after its release. */
    static void heatKernel(PdeGrid grid, double x, double y, double mass, double diffusivity, double time, double[] out,
            int offset) {
        double spread = 4 * diffusivity * time;
        for (int p = 0; p < grid.points(); p++) {
            double dx = grid.coordinate(p, 0) - x;
            double dy = grid.coordinate(p, 1) - y;
            out[offset + p] = mass / (Math.PI * spread) * Math.exp(-(dx * dx + dy * dy) / spread);
        }
    }
}

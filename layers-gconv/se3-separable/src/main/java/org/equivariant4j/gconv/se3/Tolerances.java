package org.equivariant4j.gconv.se3;

import java.util.Locale;
import java.util.Optional;

import org.equivariant4j.core.layer.ApproximateEquivariance;

/**
 * The equivariance a layer on a grid can promise, per {@link RotationGrid#exactElements()}: nothing to declare
 * when every element maps the voxel grid onto itself (O, T); a declared bound with its reason otherwise.
 */
final class Tolerances {
    /**
     * Relative error bound (a fraction of the output's largest magnitude) for the elements that need
     * interpolation: the error is smaller than the output itself, and no more. Why no tighter: with the
     * He-initialised (white-noise) kernels a layer starts from, neither interpolation is close. Measured at the
     * centre voxel of analytically rotated smooth volumes ({@code IcosahedralGridTest}), the lifting conv on I's
     * 48 off-lattice rotations errs by up to 0.68 of the output scale (0.13 with a smooth kernel); on a uniform
     * grid of 12 (README, {@code UniformGridEquivarianceTest}) lifted feature maps err by up to 0.67 under the
     * cube rotations. A layer whose error exceeds the output's scale fails it ({@code IcosahedralGridTest}'s
     * negative control).
     */
    static final double RELATIVE = 1.0;
    /** Absolute floor: float32 rounding of outputs near zero. */
    static final double ABSOLUTE = 1e-3;

    private Tolerances() {
    }

    static Optional<ApproximateEquivariance> of(RotationGrid grid) {
        if (grid.isExact()) {
            return Optional.empty();
        }
        if (grid.finiteGroup().isPresent()) {
            int exact = grid.exactElements().size();
            return Optional.of(new ApproximateEquivariance(ABSOLUTE, RELATIVE, String.format(Locale.ROOT, "%d of the %d rotations"
                    + " of %s do not map the voxel grid onto itself, so kernels are turned by them through trilinear"
                    + " interpolation (measured error up to 0.68 of the output scale with random kernels, 0.13 with a smooth"
                    + " one); exact on the other %d (RotationGrid.exactElements()), which voxel fields can be turned by",
                    grid.size() - exact, grid.size(), grid.name(), exact)));
        }
        return Optional.of(new ApproximateEquivariance(ABSOLUTE, RELATIVE, "features on " + grid.name() + " (a uniform SO(3) grid"
                + " that is not a group) transform by RBF interpolation on the grid, an approximation of the left"
                + " translation; only 90-degree rotations move the voxels exactly"));
    }
}

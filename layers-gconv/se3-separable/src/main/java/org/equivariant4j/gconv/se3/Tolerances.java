package org.equivariant4j.gconv.se3;

import java.util.Optional;

import org.equivariant4j.core.layer.ApproximateEquivariance;

/** The equivariance a layer on a grid can promise: exact on a group grid, declared and explained otherwise. */
final class Tolerances {
    /**
     * Relative error bound for non-group grids: the action on the grid is RBF interpolation, which a
     * feature map sampled on a dozen rotations follows only roughly (measured per element in the module's
     * README: up to 0.67 of the output scale on lifted feature maps of smooth random volumes, mean about 6 %;
     * under 5 % on pooled invariant features).
     */
    static final double RELATIVE = 1.0;

    private Tolerances() {
    }

    static Optional<ApproximateEquivariance> of(RotationGrid grid) {
        if (grid.isExact()) {
            return Optional.empty();
        }
        return Optional.of(new ApproximateEquivariance(1e-3, RELATIVE, "features on " + grid.name() + " (a uniform SO(3) grid"
                + " that is not a group) transform by RBF interpolation on the grid, an approximation of the left"
                + " translation; only 90-degree rotations move the voxels exactly"));
    }
}

package org.equivariant4j.gconv.se3;

import java.util.Optional;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Global pooling to invariant features: each field {@code [n, D, H, W]} (n grid rotations) becomes one number,
 * the mean or maximum over all positions and rotations. Rotating the input permutes (or, on a uniform grid,
 * approximately translates) the rotations and moves the voxels of a cubic volume; neither changes the mean or
 * the maximum. Output {@code [N, fields]}.
 */
public final class SE3GlobalPooling extends EquivariantLayer {
    /** How a field is reduced. */
    public enum Mode { MEAN, MAX }

    private final RotationGrid grid;
    private final int fields;
    private final Mode mode;

    public SE3GlobalPooling(RotationGrid grid, int fields, Mode mode) {
        super(grid.fieldType(fields), grid.invariantType(fields));
        this.grid = grid;
        this.fields = fields;
        this.mode = mode;
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        Tensor flat = x.reshape(x.size(0), fields, -1);
        Tensor out = mode == Mode.MEAN ? flat.mean(2, false) : flat.max(2, false);
        return GeometricTensor.of(out, outType());
    }

    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return Tolerances.of(grid);
    }

    @Override
    public String toString() {
        return "SE3GlobalPooling(" + mode.name().toLowerCase(java.util.Locale.ROOT) + " of " + fields + " fields on " + grid.name() + ")";
    }
}

package org.equivariant4j.gconv.se3;

import java.util.Optional;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Max or average pooling over 2×2×2 blocks of a volume, channel by channel. On a cubic volume of even side
 * the blocks tile it symmetrically, so a lattice rotation maps blocks to blocks and pooling commutes with it
 * exactly on a group grid (it never mixes channels). An odd side is refused (the blocks would not be symmetric about the centre).
 */
public final class SpatialPooling extends EquivariantLayer {
    /** How a block is reduced. */
    public enum Mode { MAX, AVERAGE }

    private final RotationGrid grid;
    private final Mode mode;
    private final PoolSpec spec = PoolSpec.of(3, 2);

    /** Pools {@code fields} fields on {@code grid}. */
    public SpatialPooling(RotationGrid grid, int fields, Mode mode) {
        super(grid.fieldType(fields), grid.fieldType(fields));
        this.grid = grid;
        this.mode = mode;
    }

    /** Averaging is linear, so it commutes even with the interpolated action of a uniform grid; the maximum does not. */
    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return mode == Mode.MAX ? Tolerances.of(grid) : Optional.empty();
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        for (int d = 2; d < 5; d++) {
            if (x.size(d) % 2 != 0) {
                throw new org.equivariant4j.core.error.ShapeMismatchException(this + ": expected even spatial sizes (2x2x2"
                        + " blocks symmetric about the centre) but was " + java.util.Arrays.toString(x.shape()));
            }
        }
        return GeometricTensor.of(mode == Mode.MAX ? x.maxPool(spec) : x.avgPool(spec), outType());
    }

    @Override
    public String toString() {
        return "SpatialPooling(" + mode.name().toLowerCase(java.util.Locale.ROOT) + " 2x2x2)";
    }
}

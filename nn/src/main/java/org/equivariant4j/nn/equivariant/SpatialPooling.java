package org.equivariant4j.nn.equivariant;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Pooling over space on a grid field, channels (and so a G-CNN's group axis) kept: windows of {@code size}
 * samples per side with stride {@code size}, or the whole grid ({@link #global}). The windows tile the grid
 * only when every side is a multiple of {@code size}, and only then does a lattice symmetry about the grid's
 * centre map windows onto windows; other sizes are refused at run time, naming the layer and the shape.
 * MAX commutes with permutations of the channels, so it needs permutation summands (regular, quotient,
 * trivial); MEAN is linear and commutes with any channel representation. Where the channel representation
 * itself only approximates the group action (features sampled on a grid of rotations that is not a group),
 * MAX follows it only approximately: {@link #declaring} states that.
 */
public final class SpatialPooling extends EquivariantLayer {

    /** How each window is pooled. */
    public enum Mode {
        MAX,
        MEAN
    }

    private final Mode mode;
    private final int size;
    private final Optional<ApproximateEquivariance> approximation;

    /** Windows of {@code size}^d samples, stride {@code size}. */
    public SpatialPooling(FieldType type, Mode mode, int size) {
        super(type, type);
        if (!(type.domain() instanceof Domain.Grid)) {
            throw new FieldTypeMismatchException("SpatialPooling(" + mode + "): " + type + " is not on a grid; spatial"
                    + " pooling needs a pixel or voxel grid (use GroupPooling to pool over the group axis)");
        }
        if (size < 1) {
            throw new InvalidArgumentException("SpatialPooling: the window size must be >= 1 (0 means global: use"
                    + " SpatialPooling.global), got " + size);
        }
        if (mode == Mode.MAX) {
            PointwiseNonlinearity.requirePointwise(type, "SpatialPooling(MAX)");
        }
        this.mode = mode;
        this.size = size;
        this.approximation = Optional.empty();
    }

    private SpatialPooling(FieldType type, Mode mode) {
        super(type, type);
        if (!(type.domain() instanceof Domain.Grid)) {
            throw new FieldTypeMismatchException("SpatialPooling(" + mode + ", global): " + type + " is not on a grid");
        }
        if (mode == Mode.MAX) {
            PointwiseNonlinearity.requirePointwise(type, "SpatialPooling(MAX, global)");
        }
        this.mode = mode;
        this.size = 0;
        this.approximation = Optional.empty();
    }

    private SpatialPooling(SpatialPooling checked, ApproximateEquivariance approximation) {
        super(checked.inType(), checked.outType());
        this.mode = checked.mode;
        this.size = checked.size;
        this.approximation = Optional.of(Objects.requireNonNull(approximation, "approximation"));
    }

    /**
     * The same pooling, declared only approximately equivariant (e.g. on features sampled on a rotation grid
     * that is not a group, whose action is interpolation), so that the test kit checks the stated tolerance.
     */
    public SpatialPooling declaring(ApproximateEquivariance approximation) {
        return new SpatialPooling(this, approximation);
    }

    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return approximation;
    }

    /** Pools the whole grid to one sample per channel ({@code [N, C, 1...]}); invariant under every lattice symmetry. */
    public static SpatialPooling global(FieldType type, Mode mode) {
        return new SpatialPooling(type, mode);
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        Tensor x = input.tensor();
        int[] s = x.shape();
        int d = s.length - 2;
        if (size == 0) {
            int[] ones = new int[d];
            Arrays.fill(ones, 1);
            return GeometricTensor.of(mode == Mode.MAX ? x.adaptiveMaxPool(ones) : x.adaptiveAvgPool(ones), outType());
        }
        for (int k = 2; k < s.length; k++) {
            if (s[k] % size != 0) {
                throw new ShapeMismatchException(this + ": every spatial side must be a multiple of " + size
                        + " (windows that tile the grid keep the pooling equivariant) but the input is " + Arrays.toString(s));
            }
        }
        PoolSpec spec = PoolSpec.of(d, size).withStride(size);
        return GeometricTensor.of(mode == Mode.MAX ? x.maxPool(spec) : x.avgPool(spec), outType());
    }

    /** {@code "SpatialPooling(MAX 2: 4x regular)"}. */
    @Override
    public String toString() {
        return "SpatialPooling(" + mode + " " + (size == 0 ? "global" : String.valueOf(size)) + ": "
                + inType().representation().name() + ")";
    }
}

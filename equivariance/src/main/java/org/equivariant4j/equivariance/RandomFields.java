package org.equivariant4j.equivariance;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Small random fields of any {@link FieldType}, standard normal in float64, from a seed: the default
 * {@link InputGenerator}. Small on purpose (a test runs the layer once per group element and dtype):
 * <ul>
 *   <li>grids: batch 2, 9 samples in 1D, 5x5 in 2D, 4x4x4 in 3D (square, so 90-degree rotations map
 *       the grid onto itself; odd in 2D so the centre is a sample, even in 3D to catch off-by-one
 *       centring);</li>
 *   <li>points: 6 points, positions standard normal;</li>
 *   <li>vectors: batch 3.</li>
 * </ul>
 * Immutable; {@link #gridSize}, {@link #batch}, {@link #points} return adjusted copies.
 */
public final class RandomFields implements InputGenerator {
    /** Seed of generated inputs unless {@code -Dequivariant4j.seed} is given. */
    public static final long DEFAULT_SEED = 20_241_127L;

    private static final RandomFields DEFAULTS = new RandomFields(new int[] {9, 5, 4}, 2, 6, 3);

    private final int[] gridSizes;
    private final int gridBatch;
    private final int points;
    private final int vectorBatch;

    private RandomFields(int[] gridSizes, int gridBatch, int points, int vectorBatch) {
        this.gridSizes = gridSizes;
        this.gridBatch = gridBatch;
        this.points = points;
        this.vectorBatch = vectorBatch;
    }

    /** The seed in use: {@code -Dequivariant4j.seed} or {@link #DEFAULT_SEED}. */
    public static long seed() {
        return Long.getLong("equivariant4j.seed", DEFAULT_SEED);
    }

    /** The sizes above. */
    public static RandomFields defaults() {
        return DEFAULTS;
    }

    /** The same, with grids of {@code size} samples per side in {@code dimension} (1-3) dimensions. */
    public RandomFields gridSize(int dimension, int size) {
        positive("grid size", size);
        int[] sizes = gridSizes.clone();
        sizes[new Domain.Grid(dimension).dimension() - 1] = size;
        return new RandomFields(sizes, gridBatch, points, vectorBatch);
    }

    /** The same, with {@code size} fields per grid batch and {@code size} vectors per vector batch. */
    public RandomFields batch(int size) {
        positive("batch", size);
        return new RandomFields(gridSizes, size, points, size);
    }

    /** The same, with {@code count} points per point cloud. */
    public RandomFields points(int count) {
        positive("points", count);
        return new RandomFields(gridSizes, gridBatch, count, vectorBatch);
    }

    @Override
    public GeometricTensor generate(FieldType type, long seed) {
        Rng rng = new Rng(seed);
        int c = type.channels();
        Domain domain = type.domain();
        if (domain instanceof Domain.Grid grid) {
            int[] shape = new int[2 + grid.dimension()];
            shape[0] = gridBatch;
            shape[1] = c;
            Arrays.fill(shape, 2, shape.length, gridSizes[grid.dimension() - 1]);
            return GeometricTensor.of(Tensors.randn(rng, DType.FLOAT64, shape), type);
        }
        if (domain instanceof Domain.Points) {
            // features first, then positions: the features of a seed do not depend on the space's dimension
            var features = Tensors.randn(rng, DType.FLOAT64, points, c);
            var positions = Tensors.randn(rng, DType.FLOAT64, points, domain.dimension());
            return GeometricTensor.ofPoints(features, positions, type);
        }
        return GeometricTensor.of(Tensors.randn(rng, DType.FLOAT64, vectorBatch, c), type);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new InvalidArgumentException("RandomFields: " + what + " must be >= 1, got " + value);
        }
    }

    @Override
    public String toString() {
        return "RandomFields(grid " + Arrays.toString(gridSizes) + " x batch " + gridBatch + ", " + points + " points, "
                + vectorBatch + " vectors)";
    }
}

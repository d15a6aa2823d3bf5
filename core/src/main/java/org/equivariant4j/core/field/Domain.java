package org.equivariant4j.core.field;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * The space a group acts on, besides the feature channels: a pixel/voxel grid, a point cloud (or
 * graph) in R^n, or nothing (plain feature vectors). It fixes the layout of a
 * {@link GeometricTensor}:
 * <ul>
 *   <li>{@link Grid}: {@code [N, C, S_1, ..., S_d]}; a group element moves the samples by an
 *       exact index permutation (it must map the grid onto itself: 90-degree rotations, flips);</li>
 *   <li>{@link Points}: features {@code [P, C]} plus positions {@code [P, n]}; the element moves
 *       the positions (rotation, reflection, translation) and leaves the rows in place;</li>
 *   <li>{@link Vectors}: {@code [N, C]}; only the channels transform.</li>
 * </ul>
 */
public sealed interface Domain permits Domain.Grid, Domain.Points, Domain.Vectors {

    /** Dimension of the space (0 for {@link Vectors}). */
    int dimension();

    static Domain grid(int dimension) {
        return new Grid(dimension);
    }

    static Domain points(int dimension) {
        return new Points(dimension);
    }

    static Domain vectors() {
        return Vectors.INSTANCE;
    }

    /** The lattice Z^d, written {@code "Z2"}. Spatial index k is coordinate k, centred on the grid's middle. */
    record Grid(int dimension) implements Domain {
        public Grid {
            if (dimension < 1 || dimension > 3) {
                throw new InvalidArgumentException("Grid: dimension must be 1, 2 or 3, got " + dimension);
            }
        }

        @Override
        public String toString() {
            return "Z" + dimension;
        }
    }

    /** Points (or graph nodes) in R^n, written {@code "R3"}. */
    record Points(int dimension) implements Domain {
        public Points {
            if (dimension < 1) {
                throw new InvalidArgumentException("Points: dimension must be >= 1, got " + dimension);
            }
        }

        @Override
        public String toString() {
            return "R" + dimension;
        }
    }

    /** No space: feature vectors only, written {@code "vectors"}. */
    final class Vectors implements Domain {
        static final Vectors INSTANCE = new Vectors();

        private Vectors() {
        }

        @Override
        public int dimension() {
            return 0;
        }

        @Override
        public String toString() {
            return "vectors";
        }
    }
}

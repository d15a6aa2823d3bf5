package org.equivariant4j.cli.experiments;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * Synthetic images of the seven tetrominoes (I, O, T, S, Z, J, L) on a small square grid, one class
 * each. A shape is drawn upright (its canonical pose) near the centre, moved by up to {@code shift}
 * pixels in each direction (uniformly, kept inside the grid), and every other pixel is switched on
 * with probability {@code noise}. The class of a shape does not change
 * when the whole image is rotated by a multiple of 90 degrees, but the pixels do: a classifier that
 * saw only upright shapes must be rotation invariant by construction, or by augmentation, to name a
 * rotated one. Mirror images are different classes (S/Z, J/L), so the symmetry is C4, not D4.
 *
 * <p>Features are FLOAT32 {@code [N, size*size]} (row-major pixels, 0 or 1), labels INT64 {@code [N]},
 * classes in the order of {@link #NAMES}, balanced (example i has class {@code i mod 7}).
 */
final class Tetrominoes {
    static final List<String> NAMES = List.of("I", "O", "T", "S", "Z", "J", "L");

    /** Cells {row, col} of each shape, upright. */
    private static final int[][][] SHAPES = {
        {{0, 0}, {1, 0}, {2, 0}, {3, 0}},
        {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        {{0, 0}, {0, 1}, {0, 2}, {1, 1}},
        {{0, 1}, {0, 2}, {1, 0}, {1, 1}},
        {{0, 0}, {0, 1}, {1, 1}, {1, 2}},
        {{0, 1}, {1, 1}, {2, 1}, {2, 0}},
        {{0, 0}, {1, 0}, {2, 0}, {2, 1}},
    };

    private Tetrominoes() {
    }

    static int classes() {
        return SHAPES.length;
    }

    /** {@code n} upright examples on a {@code size x size} grid, every random choice drawn from {@code rng}. */
    static TensorDataset generate(int n, int size, int shift, double noise, Rng rng) {
        if (size < 4) {
            throw new InvalidArgumentException("Tetrominoes: the grid must fit the 4-cell I, got size " + size);
        }
        int pixels = size * size;
        float[] images = new float[n * pixels];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            int c = i % SHAPES.length;
            labels[i] = c;
            int base = i * pixels;
            for (int p = 0; p < pixels; p++) {
                if (rng.nextDouble() < noise) {
                    images[base + p] = 1f;
                }
            }
            int[][] cells = SHAPES[c];
            int rows = 0;
            int cols = 0;
            for (int[] cell : cells) {
                rows = Math.max(rows, cell[0] + 1);
                cols = Math.max(cols, cell[1] + 1);
            }
            int top = clamp((size - rows) / 2 + rng.nextInt(2 * shift + 1) - shift, size - rows);
            int left = clamp((size - cols) / 2 + rng.nextInt(2 * shift + 1) - shift, size - cols);
            for (int[] cell : cells) {
                images[base + (top + cell[0]) * size + left + cell[1]] = 1f;
            }
        }
        return new TensorDataset(Tensors.of(images, n, pixels), Tensors.of(labels, n));
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}

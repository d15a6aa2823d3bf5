package org.equivariant4j.gconv.regular.experiment;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * Noisy, blurred images of the twelve free pentominoes (F, I, L, N, P, T, U, V, W, X, Y, Z), one class each.
 * "Free" means distinct up to rotation <em>and</em> reflection, so even a D4-invariant classifier, which
 * cannot tell a shape from its mirror image, can separate every class; chiral pairs (such as the S and Z
 * tetrominoes) are deliberately absent. A shape is drawn upright (its canonical pose) with cells of
 * {@code cell x cell} pixels, moved by up to {@code shift} pixels each way, blurred by a 3x3 binomial
 * filter, scaled by a random contrast in [0.7, 1.3] and overlaid with Gaussian noise of deviation
 * {@code noise}.
 *
 * <p>Features are FLOAT32 {@code [N, size*size]} (row-major), labels INT64 {@code [N]}, classes in the order
 * of {@link #NAMES}, balanced (example i has class {@code i mod 12}).
 */
public final class Pentominoes {
    public static final List<String> NAMES = List.of("F", "I", "L", "N", "P", "T", "U", "V", "W", "X", "Y", "Z");

    /** Cells {row, col} of each shape, upright. */
    private static final int[][][] SHAPES = {
        {{0, 1}, {0, 2}, {1, 0}, {1, 1}, {2, 1}},
        {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}},
        {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {3, 1}},
        {{0, 1}, {1, 1}, {2, 0}, {2, 1}, {3, 0}},
        {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}},
        {{0, 0}, {0, 1}, {0, 2}, {1, 1}, {2, 1}},
        {{0, 0}, {0, 2}, {1, 0}, {1, 1}, {1, 2}},
        {{0, 0}, {1, 0}, {2, 0}, {2, 1}, {2, 2}},
        {{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}},
        {{0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}},
        {{0, 1}, {1, 0}, {1, 1}, {2, 1}, {3, 1}},
        {{0, 0}, {0, 1}, {1, 1}, {2, 1}, {2, 2}},
    };

    private Pentominoes() {
    }

    public static int classes() {
        return SHAPES.length;
    }

    /** {@code n} upright examples on a {@code size x size} grid, every random choice drawn from {@code rng}. */
    public static TensorDataset generate(int n, int size, int cell, int shift, double noise, Rng rng) {
        if (size < 5 * cell) {
            throw new InvalidArgumentException("Pentominoes: a " + size + "x" + size + " grid cannot hold the 5-cell I with"
                    + " cells of " + cell + " pixels; use size >= " + 5 * cell);
        }
        int pixels = size * size;
        float[] images = new float[n * pixels];
        long[] labels = new long[n];
        double[] sharp = new double[pixels];
        for (int i = 0; i < n; i++) {
            int c = i % SHAPES.length;
            labels[i] = c;
            java.util.Arrays.fill(sharp, 0);
            int[][] cells = SHAPES[c];
            int rows = 0;
            int cols = 0;
            for (int[] k : cells) {
                rows = Math.max(rows, (k[0] + 1) * cell);
                cols = Math.max(cols, (k[1] + 1) * cell);
            }
            int top = clamp((size - rows) / 2 + rng.nextInt(2 * shift + 1) - shift, size - rows);
            int left = clamp((size - cols) / 2 + rng.nextInt(2 * shift + 1) - shift, size - cols);
            double contrast = rng.nextDouble(0.7, 1.3);
            for (int[] k : cells) {
                for (int a = 0; a < cell; a++) {
                    for (int b = 0; b < cell; b++) {
                        sharp[(top + k[0] * cell + a) * size + left + k[1] * cell + b] = contrast;
                    }
                }
            }
            int base = i * pixels;
            for (int r = 0; r < size; r++) {
                for (int q = 0; q < size; q++) {
                    images[base + r * size + q] = (float) (blur(sharp, size, r, q) + noise * rng.nextGaussian());
                }
            }
        }
        return new TensorDataset(Tensors.of(images, n, pixels), Tensors.of(labels, n));
    }

    /** The 3x3 binomial filter (1 2 1)ᵀ(1 2 1)/16, zero outside the grid (symmetric, so it commutes with D4). */
    private static double blur(double[] image, int size, int r, int q) {
        double s = 0;
        for (int a = -1; a <= 1; a++) {
            for (int b = -1; b <= 1; b++) {
                int rr = r + a;
                int qq = q + b;
                if (rr >= 0 && rr < size && qq >= 0 && qq < size) {
                    s += (a == 0 ? 2 : 1) * (b == 0 ? 2 : 1) * image[rr * size + qq];
                }
            }
        }
        return s / 16;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}

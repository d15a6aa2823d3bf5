package org.equivariant4j.ssl.invariance.experiment;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Unseen shapes for the distribution-shift test: each image is a random connected blob of 3 to 9 cells of
 * {@code cell x cell} pixels (grown cell by cell from a random start, each new cell beside one already taken), at a
 * random place, with Gaussian pixel noise. No label: the invariance metrics need none. A classifier trained on
 * pentominoes or digits has never seen these.
 */
public final class RandomBlobs {
    private static final int[][] STEPS = {{0, 1}, {1, 0}, {0, -1}, {-1, 0}};

    private RandomBlobs() {
    }

    /** {@code n} FLOAT32 images {@code [n, size*size]}. */
    public static Tensor generate(int n, int size, int cell, double noise, Rng rng) {
        int cells = Math.max(1, size / cell);
        float[] out = new float[n * size * size];
        for (int i = 0; i < n; i++) {
            boolean[] taken = new boolean[cells * cells];
            int count = 3 + rng.nextInt(7);
            int r = rng.nextInt(cells);
            int c = rng.nextInt(cells);
            taken[r * cells + c] = true;
            int[] rows = new int[count];
            int[] cols = new int[count];
            rows[0] = r;
            cols[0] = c;
            int have = 1;
            for (int attempt = 0; have < count && attempt < 100 * count; attempt++) {
                int from = rng.nextInt(have);
                int[] step = STEPS[rng.nextInt(4)];
                int nr = rows[from] + step[0];
                int nc = cols[from] + step[1];
                if (nr >= 0 && nr < cells && nc >= 0 && nc < cells && !taken[nr * cells + nc]) {
                    taken[nr * cells + nc] = true;
                    rows[have] = nr;
                    cols[have] = nc;
                    have++;
                }
            }
            double contrast = rng.nextDouble(0.7, 1.3);
            int base = i * size * size;
            for (int p = 0; p < size * size; p++) {
                int cr = (p / size) / cell;
                int cc = (p % size) / cell;
                boolean on = cr < cells && cc < cells && taken[cr * cells + cc];
                out[base + p] = (float) ((on ? contrast : 0) + noise * rng.nextGaussian());
            }
        }
        return Tensors.of(out, n, size * size);
    }
}

package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Resamples each image of a batch through its own 2x3 affine map of normalised coordinates (PyTorch's
 * {@code affine_grid} + {@code grid_sample}, corners not aligned): output pixel (x, y) in [-1, 1] reads the input at
 * {@code theta · (x, y, 1)}; points outside read zeros. One batched matmul builds every grid and one grid sample reads
 * them, so the cost does not depend on a Java loop over images.
 */
final class AffineSampling {
    private AffineSampling() {
    }

    /** {@code thetas[n]} = {a, b, c, d, e, f} for the map (x, y) -> (a x + b y + c, d x + e y + f). */
    static Tensor warp(Tensor images, double[][] thetas) {
        int n = images.size(0);
        int h = images.size(2);
        int w = images.size(3);
        double[] base = new double[h * w * 3];
        for (int r = 0; r < h; r++) {
            for (int q = 0; q < w; q++) {
                int i = (r * w + q) * 3;
                base[i] = (2.0 * q + 1) / w - 1;
                base[i + 1] = (2.0 * r + 1) / h - 1;
                base[i + 2] = 1;
            }
        }
        // [N, 3, 2]: the transposed maps, so grid = base [HW, 3] @ theta^T.
        double[] transposed = new double[n * 6];
        for (int k = 0; k < n; k++) {
            double[] t = thetas[k];
            transposed[k * 6] = t[0];
            transposed[k * 6 + 1] = t[3];
            transposed[k * 6 + 2] = t[1];
            transposed[k * 6 + 3] = t[4];
            transposed[k * 6 + 4] = t[2];
            transposed[k * 6 + 5] = t[5];
        }
        Tensor grid = Tensors.of(base, images.dtype(), 1, h * w, 3)
                .matmul(Tensors.of(transposed, images.dtype(), n, 3, 2))
                .reshape(n, h, w, 2);
        return images.gridSample(grid, false);
    }
}

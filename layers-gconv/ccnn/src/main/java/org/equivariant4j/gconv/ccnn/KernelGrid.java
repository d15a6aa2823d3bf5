package org.equivariant4j.gconv.ccnn;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The relative positions at which a continuous kernel is sampled: along a dimension of K taps,
 * tap j sits at {@code -1 + 2j / (K - 1)} (0 for K = 1), so the kernel always spans [-1, 1] and
 * a finer grid samples the same function more densely. A window {@code [from, from + count)} of
 * taps keeps their positions on the full grid (FlexConv's crop).
 */
final class KernelGrid {
    private KernelGrid() {
    }

    /** Position of tap {@code j} of {@code k}. */
    static double position(int j, int k) {
        return k == 1 ? 0.0 : -1.0 + 2.0 * j / (k - 1);
    }

    /**
     * {@code [P, d]} positions of the taps {@code from[i] .. from[i] + count[i] - 1} of grids of
     * {@code full[i]} taps, row-major over the window.
     */
    static Tensor positions(int[] full, int[] from, int[] count, DType dtype) {
        int d = full.length;
        int p = Tensors.numel(count);
        double[] out = new double[p * d];
        for (int index = 0; index < p; index++) {
            int rest = index;
            for (int i = d - 1; i >= 0; i--) {
                int j = rest % count[i];
                rest /= count[i];
                out[index * d + i] = position(from[i] + j, full[i]);
            }
        }
        return Tensors.of(out, DType.FLOAT64, p, d).to(dtype);
    }
}

package org.equivariant4j.gconv.ccnn;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.ccnn.kernel.KernelNetSpec;
import org.junit.jupiter.api.Test;

/**
 * A continuous convolution built for one resolution, run on the same smooth signal sampled about
 * twice as densely (L = 33 -> 65, so every old sample is a new one): the outputs at the shared
 * positions agree within 5 % per dimension (the two are rectangle-rule sums of one integral, whose
 * O(step) error comes from the edges of the kernel and the input, once per dimension), for CKConv
 * and FlexConv, 1D and 2D. Without the grid-step rescaling (no reference size) the finer run is
 * about 2^d times as large, which the same bound rejects.
 */
class ResolutionTest {
    private static final KernelNetSpec NET = new KernelNetSpec(KernelNetSpec.Kind.MAGNET, 16, 2, 4.0);
    private static final int COARSE = 33;
    private static final int FINE = 65;

    @Test
    void aKernelResampledOnAFinerGridGivesTheSameOutput() {
        for (int dims = 1; dims <= 2; dims++) {
            for (boolean flex : new boolean[] {false, true}) {
                assertThat(relativeChange(dims, flex, true)).as("%dD %s", dims, flex ? "FlexConv" : "CKConv")
                        .isLessThan(0.05 * dims);
                assertThat(relativeChange(dims, flex, false)).as("%dD %s without rescaling", dims, flex ? "FlexConv" : "CKConv")
                        .isGreaterThan(0.05 * dims);
            }
        }
    }

    private static double relativeChange(int dims, boolean flex, boolean rescale) {
        int[] reference = new int[dims];
        java.util.Arrays.fill(reference, COARSE);
        ContinuousConv conv = flex
                ? new FlexConv(dims, 1, 1, true, Padding.SAME, rescale ? reference : null, NET, 0.6, DType.FLOAT64, new Rng(3))
                : new CKConv(dims, 1, 1, true, Padding.SAME, rescale ? reference : null, NET, DType.FLOAT64, new Rng(3));
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor coarse = conv.forward(signal(dims, COARSE));
            Tensor fine = conv.forward(signal(dims, FINE));
            for (int axis = 2; axis < 2 + dims; axis++) {
                fine = fine.slice(axis, 0, FINE, 2);
            }
            return fine.sub(coarse).norm().item() / coarse.norm().item();
        }
    }

    /** A smooth field on [0, 1]^d sampled at n points per axis, [1, 1, n, ...]. */
    private static Tensor signal(int dims, int n) {
        int total = (int) Math.pow(n, dims);
        double[] v = new double[total];
        for (int i = 0; i < total; i++) {
            int rest = i;
            double value = 1;
            for (int d = 0; d < dims; d++) {
                double t = (double) (rest % n) / (n - 1);
                rest /= n;
                value *= Math.sin(2 * Math.PI * (1 + d) * t) + 0.5 * Math.cos(2 * Math.PI * t) + 0.2;
            }
            v[i] = value;
        }
        int[] shape = new int[2 + dims];
        java.util.Arrays.fill(shape, n);
        shape[0] = 1;
        shape[1] = 1;
        return Tensors.of(v, DType.FLOAT64, shape);
    }
}

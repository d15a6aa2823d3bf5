package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every op built on {@link Scatter} gives the same values and gradients with the CPU kernels
 * ({@code equivariant4j.kernels=auto}) and with ND4J's ops ({@code nd4j}), including along
 * dimension 1 of transposed (non-dense) inputs, where the ND4J path permutes and the kernels do
 * not. Small-integer inputs and upstream gradients, so the two must agree exactly.
 */
class ScatterPathsAgreeTest {
    private static final int ROWS = 300;
    private static final int COLS = 24;
    private static final int SEGMENTS = 40;

    private String saved;

    @BeforeEach
    void saveProperty() {
        saved = System.getProperty(KernelSelection.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(KernelSelection.PROPERTY);
        } else {
            System.setProperty(KernelSelection.PROPERTY, saved);
        }
    }

    @Test
    void kernelsAndNd4jOpsGiveTheSameValuesAndGradients() {
        // float32 data with int32 indices, float64 with int64.
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
            long seed = dtype == DType.FLOAT32 ? 7 : 8;
            DType indexType = dtype == DType.FLOAT32 ? DType.INT32 : DType.INT64;
            Rng rng = new Rng(seed);
            Tensor x = smallIntegers(rng, dtype, ROWS, COLS);
            Tensor base = smallIntegers(rng, dtype, SEGMENTS, COLS);
            Tensor ids = ids(rng, ROWS, SEGMENTS, 1).to(indexType);
            // Only even segments: the odd ones stay empty.
            Tensor evenIds = ids(rng, ROWS, SEGMENTS, 2).to(indexType);
            Tensor columns = ids(rng, 50, COLS, 1);
            long[] gatherIndex = new long[ROWS * COLS];
            for (int i = 0; i < gatherIndex.length; i++) {
                gatherIndex[i] = rng.nextInt(ROWS);
            }
            Tensor positions = Tensors.of(gatherIndex, ROWS, COLS);
            String at = "seed " + seed + ", " + dtype;

            same(at + ": segmentSum", x, t -> t.segmentSum(ids, SEGMENTS));
            same(at + ": segmentSum with empty segments", x, t -> t.segmentSum(evenIds, SEGMENTS));
            same(at + ": segmentMean", x, t -> t.segmentMean(evenIds, SEGMENTS));
            same(at + ": segmentMax (ties)", x, t -> t.segmentMax(evenIds, SEGMENTS));
            same(at + ": indexAdd dim 0", x, t -> base.indexAdd(0, ids, t));
            same(at + ": indexAdd dim 1 of transposed views", x, t -> base.transpose(0, 1).indexAdd(1, ids, t.transpose(0, 1)));
            same(at + ": indexSelect dim 0", base, t -> t.indexSelect(0, ids));
            same(at + ": indexSelect dim 1", x, t -> t.indexSelect(1, columns));
            same(at + ": indexSelect dim 0 of a transposed view", x, t -> t.transpose(0, 1).indexSelect(0, columns));
            same(at + ": gather dim 0", x, t -> t.gather(0, positions));
        }
    }

    @Test
    void badIndicesGiveTheSameMessageOnBothPaths() {
        Tensor x = Tensors.zeros(4, 3);
        for (long[] bad : new long[][] {{0, 5, 1, 5}, {0, -1, 3, -2, -2}, {7}}) {
            Tensor index = Tensors.of(bad, bad.length);
            String[] messages = new String[2];
            String[] modes = {"auto", "nd4j"};
            for (int m = 0; m < 2; m++) {
                System.setProperty(KernelSelection.PROPERTY, modes[m]);
                try {
                    x.indexSelect(0, index);
                    throw new AssertionError("indexSelect accepted " + Arrays.toString(bad) + " with kernels=" + modes[m]);
                } catch (ShapeMismatchException e) {
                    messages[m] = e.getMessage();
                }
            }
            assertThat(messages[0]).as("message with kernels=auto vs nd4j for %s", Arrays.toString(bad)).isEqualTo(messages[1]);
        }
    }

    /** {@code op(input)} and the gradient of {@code sum(op(input) * w)} for a fixed small-integer {@code w}, on both paths. */
    private static void same(String what, Tensor input, Function<Tensor, Tensor> op) {
        double[][] kernels = run("auto", input, op);
        double[][] nd4j = run("nd4j", input, op);
        assertThat(kernels[0]).as("%s: values, kernels vs ND4J", what).containsExactly(nd4j[0]);
        assertThat(kernels[1]).as("%s: gradient, kernels vs ND4J", what).containsExactly(nd4j[1]);
    }

    private static double[][] run(String mode, Tensor input, Function<Tensor, Tensor> op) {
        System.setProperty(KernelSelection.PROPERTY, mode);
        Tensor x = input.detach().requiresGrad(true);
        Tensor out = op.apply(x);
        Tensor w = smallIntegers(new Rng(99), input.dtype(), out.shape());
        out.mul(w).sum().backward();
        return new double[][] {out.toDoubleArray(), x.grad().toDoubleArray()};
    }

    private static Tensor smallIntegers(Rng rng, DType dtype, int... shape) {
        double[] v = new double[Tensors.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextInt(7) - 3;
        }
        return Tensors.of(v, dtype, shape);
    }

    /** {@code n} random multiples of {@code step} below {@code bound}. */
    private static Tensor ids(Rng rng, int n, int bound, int step) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = (long) rng.nextInt(bound / step) * step;
        }
        return Tensors.of(v, n);
    }
}

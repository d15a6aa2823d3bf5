package org.equivariant4j.backend.nd4j;

import java.lang.ref.Reference;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 2D matrix product as one {@code cblas_?gemm} call on the operands' host memory ({@link Blas}),
 * skipping {@code Nd4j.gemm}'s per-call set-up: on a [32,64]x[64,64] product that set-up was 10-40
 * µs of a 40-50 µs call, the BLAS work ~2 µs (PERFORMANCE.md). Operands need no copy when they are
 * row-major or column-major with any leading dimension (transposes and row or column slices of a
 * matrix): the layout becomes BLAS's transpose flag and leading dimension. Other layouts are
 * copied once. Small products only ({@link #MAX_WORK}); OpenBLAS runs them on the calling thread.
 */
final class DirectGemm {

    private DirectGemm() {
    }

    /**
     * Above this many multiply-adds ({@code m·n·k}, 256x256x64) the per-call set-up is under a tenth
     * of the product's time and {@code Nd4j.gemm} is kept: with the {@code -onednn} natives it may
     * run oneDNN's GEMM, ~2x OpenBLAS's on large products (PERFORMANCE.md).
     */
    static final long MAX_WORK = 1L << 22;

    /** Whether the product of these 2D operands runs here: float32 or float64, one dtype, non-empty, small. */
    static boolean supports(INDArray x, INDArray y, boolean transX) {
        if (x.rank() != 2 || y.rank() != 2 || !ElementwiseKernel.supports(x, y) || y.isEmpty()) {
            return false;
        }
        long work = (transX ? x.size(1) : x.size(0)) * x.size(transX ? 0 : 1) * (y.length() / x.size(transX ? 0 : 1));
        return work <= MAX_WORK;
    }

    /** {@code op(x) @ op(y)} into a new dense row-major array, op transposing when its flag is set. */
    static INDArray product(INDArray x, INDArray y, boolean transX, boolean transY) {
        Operand a = Operand.of(x, transX);
        Operand b = Operand.of(y, transY);
        int m = (int) (transX ? x.size(1) : x.size(0));
        int k = (int) (transX ? x.size(0) : x.size(1));
        int n = (int) (transY ? y.size(0) : y.size(1));
        INDArray out = NativeMemory.uninitialized(x, new long[] {m, n});
        Blas.gemm(x.dataType() == DataType.DOUBLE, a.trans, b.trans, m, n, k, ElementwiseKernel.origin(a.array), a.ld,
                ElementwiseKernel.origin(b.array), b.ld, NativeMemory.address(out), Math.max(1, n));
        Reference.reachabilityFence(a.array);
        Reference.reachabilityFence(b.array);
        a.release(x);
        b.release(y);
        return out;
    }

    /** An operand as BLAS reads it: the memory, whether it is read transposed, its leading dimension. */
    private record Operand(INDArray array, boolean trans, int ld) {

        /** {@code a} (read transposed if {@code trans}), copied to row-major only when its layout is neither. */
        static Operand of(INDArray a, boolean trans) {
            long rows = a.size(0);
            long cols = a.size(1);
            long[] st = a.stride();
            if ((cols == 1 || st[1] == 1) && (rows == 1 || st[0] >= cols)) {
                return new Operand(a, trans, (int) Math.max(1, rows == 1 ? cols : st[0]));
            }
            if ((rows == 1 || st[0] == 1) && (cols == 1 || st[1] >= rows)) {
                // Column-major: the row-major matrix of its transpose, so BLAS reads it with the flag flipped.
                return new Operand(a, !trans, (int) Math.max(1, cols == 1 ? rows : st[1]));
            }
            return new Operand(a.dup('c'), trans, (int) Math.max(1, cols));
        }

        /** Frees a copy made here now rather than at the next collection. */
        void release(INDArray original) {
            if (array != original) {
                array.close();
            }
        }
    }
}

package org.equivariant4j.backend.nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major GEMM on {@link HostArray}s through the OpenBLAS that ND4J's CPU backend ships and
 * loads. Called directly rather than through {@code Nd4j.gemm} for three reasons, measured on the
 * convolution workloads: a call costs about a microsecond instead of 20-60 (libnd4j's
 * {@code matmul} op builds an op context and shape descriptors per call, and its oneDNN GEMM
 * forks an OpenMP team), so a GEMM per block is affordable; operands may be strided sub-matrices
 * (leading dimensions), so results land in place in the output tensor without layout copies; and
 * GEMMs below OpenBLAS's threading threshold run on the calling thread, which lets
 * {@link ColumnGemm} parallelise over blocks itself. On the loaded 2-core machine a GEMM that
 * OpenBLAS did thread (16×144×144) took 0.43 ms of CPU waiting for its second thread, against
 * microseconds single-threaded.
 */
final class Blas {

    private Blas() {
    }

    /**
     * {@code C = op(A) · op(B) + beta · C} where {@code op(A)} is {@code m × k}, {@code op(B)} is
     * {@code k × n} and each operand starts at the given element of its array, with the given
     * leading dimension (row stride of the matrix as stored).
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, HostArray a, long aAt, int lda, HostArray b,
            long bAt, int ldb, double beta, HostArray c, long cAt, int ldc) {
        int ta = transA ? CblasTrans : CblasNoTrans;
        int tb = transB ? CblasTrans : CblasNoTrans;
        if (c.isDouble()) {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, (DoublePointer) a.pointer(aAt), lda,
                    (DoublePointer) b.pointer(bAt), ldb, beta, (DoublePointer) c.pointer(cAt), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1f, (FloatPointer) a.pointer(aAt), lda,
                    (FloatPointer) b.pointer(bAt), ldb, (float) beta, (FloatPointer) c.pointer(cAt), ldc);
        }
    }

    /**
     * As {@link #gemm(boolean, boolean, int, int, int, HostArray, long, int, HostArray, long, int, double, HostArray, long, int)}
     * on raw host addresses of the first elements, in double or single precision; {@code C} is overwritten.
     * The caller keeps the arrays behind the addresses reachable until this returns.
     */
    static void gemm(boolean doubles, boolean transA, boolean transB, int m, int n, int k, long a, int lda, long b, int ldb,
            long c, int ldc) {
        int ta = transA ? CblasTrans : CblasNoTrans;
        int tb = transB ? CblasTrans : CblasNoTrans;
        if (doubles) {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, new DoublePointer(new Address(a)), lda,
                    new DoublePointer(new Address(b)), ldb, 0.0, new DoublePointer(new Address(c)), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1f, new FloatPointer(new Address(a)), lda,
                    new FloatPointer(new Address(b)), ldb, 0f, new FloatPointer(new Address(c)), ldc);
        }
    }

    /** A pointer to a raw address, owning nothing (JavaCPP keeps the address field protected). */
    private static final class Address extends Pointer {
        Address(long address) {
            this.address = address;
        }
    }
}

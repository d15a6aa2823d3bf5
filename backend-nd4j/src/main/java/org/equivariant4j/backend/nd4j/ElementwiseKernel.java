package org.equivariant4j.backend.nd4j;

import static org.equivariant4j.backend.nd4j.NativeMemory.DOUBLE_ARRAY_BASE;
import static org.equivariant4j.backend.nd4j.NativeMemory.FLOAT_ARRAY_BASE;
import static org.equivariant4j.backend.nd4j.NativeMemory.UNSAFE;

import java.lang.ref.Reference;

import org.equivariant4j.backend.nd4j.ElementwiseOps.Arith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element-wise arithmetic on host memory in Java: binary ops with NumPy broadcasting, ReLU-type
 * activations and scalar affine maps, each one pass over its operands into a new dense array. An
 * ND4J op costs 15-40 µs of JNI, op-context and shape-buffer set-up per call whatever its size
 * (PERFORMANCE.md), 10-25x PyTorch on a [32,64] add; a large ReLU through ND4J is three ops with
 * two full-size temporaries (mask, cast, product). Here the per-call cost is the result's
 * allocation plus a few object allocations, and a large op is split over {@link KernelThreads}, each
 * part a contiguous range of the output, so it runs at memory bandwidth.
 *
 * <p>Operands may be any strided views or broadcast ({@link StridedWalk}). Each run is staged in
 * per-thread {@code float[]}/{@code double[]} chunks (bulk copies in and out), where the arithmetic
 * loops are plain array loops that C2 vectorises; a chunk stays in L1. Arithmetic is in the
 * operands' own precision, as ND4J's, so results agree with the portable path (checked in
 * {@code ElementwisePathsAgreeTest}).
 */
final class ElementwiseKernel {
    /** Elements per staged chunk: three chunks of floats fit in L1 (12 KB). */
    private static final int CHUNK = 1024;
    /** Below this many elements per part a second thread costs more than it saves (a hand-off is ~5-20 µs). */
    static final long MIN_WORK_PER_PART = 1 << 16;

    private static final ThreadLocal<Chunks> CHUNKS = ThreadLocal.withInitial(Chunks::new);

    private ElementwiseKernel() {
    }

    /** Whether the kernel handles operands of this dtype: float32 and float64, both the same. */
    static boolean supports(INDArray a, INDArray b) {
        return a.dataType() == b.dataType() && supports(a);
    }

    /** Whether the kernel handles an operand of this dtype. */
    static boolean supports(INDArray a) {
        DataType t = a.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && !a.isEmpty();
    }

    /** {@code a (op) b} broadcast to {@code shape}, into a new dense array. */
    static INDArray binary(Arith kind, INDArray a, INDArray b, long[] shape) {
        INDArray out = NativeMemory.uninitialized(a, shape);
        StridedWalk walk = StridedWalk.of(shape, new long[][] {a.shape(), b.shape()}, new long[][] {a.stride(), b.stride()});
        long pa = origin(a);
        long pb = origin(b);
        long po = NativeMemory.address(out);
        boolean doubles = a.dataType() == DataType.DOUBLE;
        long sa = walk.innerStride(0);
        long sb = walk.innerStride(1);
        parallel(walk.total(), (from, to) -> walk.walk(from, to, CHUNK, (flat, off, n) -> {
            Chunks c = CHUNKS.get();
            if (doubles) {
                loadD(pa, off[0], sa, c.xd, n);
                loadD(pb, off[1], sb, c.yd, n);
                arith(kind, c.xd, c.yd, c.zd, n);
                storeD(c.zd, po, flat, n);
            } else {
                loadF(pa, off[0], sa, c.xf, n);
                loadF(pb, off[1], sb, c.yf, n);
                arith(kind, c.xf, c.yf, c.zf, n);
                storeF(c.zf, po, flat, n);
            }
        }));
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        return out;
    }

    /**
     * {@code x * factor} where {@code factor} is 1 for {@code x > 0} and {@code slope} otherwise
     * (NaN included), into a new dense array; the factor too when {@code factorOut} is not null
     * (it must be a fresh dense array of {@code x}'s shape and dtype), for the backward. The
     * same arithmetic as the ND4J path (mask, cast, scale, multiply), so the same values; a plain
     * ReLU with no factor to keep is {@code max(x, 0)}, which gives {@code +0.0} (as PyTorch) where the
     * product gives {@code -0.0}, and 0 rather than NaN for {@code -inf}.
     */
    static INDArray leakyRelu(INDArray x, double slope, INDArray factorOut) {
        INDArray out = NativeMemory.uninitialized(x, x.shape());
        StridedWalk walk = StridedWalk.of(x.shape(), new long[][] {x.shape()}, new long[][] {x.stride()});
        long px = origin(x);
        long po = NativeMemory.address(out);
        long pf = factorOut == null ? 0 : NativeMemory.address(factorOut);
        boolean doubles = x.dataType() == DataType.DOUBLE;
        long sx = walk.innerStride(0);
        float slopeF = (float) slope;
        // A plain ReLU without factor: max(x, 0), which C2 vectorises (the select below it does not).
        boolean plain = slope == 0 && factorOut == null;
        parallel(walk.total(), (from, to) -> walk.walk(from, to, CHUNK, (flat, off, n) -> {
            Chunks c = CHUNKS.get();
            if (doubles) {
                loadD(px, off[0], sx, c.xd, n);
                double[] x1 = c.xd;
                double[] f = c.yd;
                double[] z = c.zd;
                if (plain) {
                    for (int i = 0; i < n; i++) {
                        z[i] = Math.max(x1[i], 0.0);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        f[i] = x1[i] > 0 ? 1.0 : slope;
                        z[i] = x1[i] * f[i];
                    }
                }
                storeD(z, po, flat, n);
                if (pf != 0) {
                    storeD(f, pf, flat, n);
                }
            } else {
                loadF(px, off[0], sx, c.xf, n);
                float[] x1 = c.xf;
                float[] f = c.yf;
                float[] z = c.zf;
                if (plain) {
                    for (int i = 0; i < n; i++) {
                        z[i] = Math.max(x1[i], 0f);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        f[i] = x1[i] > 0 ? 1f : slopeF;
                        z[i] = x1[i] * f[i];
                    }
                }
                storeF(z, po, flat, n);
                if (pf != 0) {
                    storeF(f, pf, flat, n);
                }
            }
        }));
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(factorOut);
        return out;
    }

    /**
     * {@code x * scale + shift} into a new dense array ({@code mul} and {@code add} by a scalar);
     * with {@code shift} 0 no addition at all, which would turn {@code -0.0} products into {@code +0.0}.
     */
    static INDArray affine(INDArray x, double scale, double shift) {
        INDArray out = NativeMemory.uninitialized(x, x.shape());
        StridedWalk walk = StridedWalk.of(x.shape(), new long[][] {x.shape()}, new long[][] {x.stride()});
        long px = origin(x);
        long po = NativeMemory.address(out);
        boolean doubles = x.dataType() == DataType.DOUBLE;
        long sx = walk.innerStride(0);
        float scaleF = (float) scale;
        float shiftF = (float) shift;
        parallel(walk.total(), (from, to) -> walk.walk(from, to, CHUNK, (flat, off, n) -> {
            Chunks c = CHUNKS.get();
            if (doubles) {
                loadD(px, off[0], sx, c.xd, n);
                double[] x1 = c.xd;
                double[] z = c.zd;
                if (shift == 0) {
                    for (int i = 0; i < n; i++) {
                        z[i] = x1[i] * scale;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        z[i] = x1[i] * scale + shift;
                    }
                }
                storeD(z, po, flat, n);
            } else {
                loadF(px, off[0], sx, c.xf, n);
                float[] x1 = c.xf;
                float[] z = c.zf;
                if (shift == 0) {
                    for (int i = 0; i < n; i++) {
                        z[i] = x1[i] * scaleF;
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        z[i] = x1[i] * scaleF + shiftF;
                    }
                }
                storeF(z, po, flat, n);
            }
        }));
        Reference.reachabilityFence(x);
        return out;
    }

    /** What one part of a parallel loop does: flat output indices {@code [from, to)}. */
    @FunctionalInterface
    private interface Range {
        void run(long from, long to);
    }

    /** Splits {@code [0, total)} into contiguous parts over the kernel threads (one part when small). */
    private static void parallel(long total, Range range) {
        int threads = KernelThreads.parallelism();
        int parts = KernelThreads.parts(total, MIN_WORK_PER_PART, threads, 2);
        if (parts == 1) {
            range.run(0, total);
            return;
        }
        KernelThreads.run(parts, threads, p -> range.run(total * p / parts, total * (p + 1) / parts));
    }

    /**
     * The address of {@code a}'s first element, for any strided layout: a view's buffer carries its
     * offset into the parent (as for {@link NativeMemory#address}, which also requires density).
     */
    static long origin(INDArray a) {
        return a.data().addressPointer().address();
    }

    private static void loadF(long base, long offset, long stride, float[] dst, int n) {
        if (stride == 1) {
            UNSAFE.copyMemory(null, base + offset * Float.BYTES, dst, FLOAT_ARRAY_BASE, (long) n * Float.BYTES);
        } else if (stride == 0) {
            java.util.Arrays.fill(dst, 0, n, UNSAFE.getFloat(base + offset * Float.BYTES));
        } else {
            long p = base + offset * Float.BYTES;
            long step = stride * Float.BYTES;
            for (int i = 0; i < n; i++, p += step) {
                dst[i] = UNSAFE.getFloat(p);
            }
        }
    }

    private static void loadD(long base, long offset, long stride, double[] dst, int n) {
        if (stride == 1) {
            UNSAFE.copyMemory(null, base + offset * Double.BYTES, dst, DOUBLE_ARRAY_BASE, (long) n * Double.BYTES);
        } else if (stride == 0) {
            java.util.Arrays.fill(dst, 0, n, UNSAFE.getDouble(base + offset * Double.BYTES));
        } else {
            long p = base + offset * Double.BYTES;
            long step = stride * Double.BYTES;
            for (int i = 0; i < n; i++, p += step) {
                dst[i] = UNSAFE.getDouble(p);
            }
        }
    }

    private static void storeF(float[] src, long base, long offset, int n) {
        UNSAFE.copyMemory(src, FLOAT_ARRAY_BASE, null, base + offset * Float.BYTES, (long) n * Float.BYTES);
    }

    private static void storeD(double[] src, long base, long offset, int n) {
        UNSAFE.copyMemory(src, DOUBLE_ARRAY_BASE, null, base + offset * Double.BYTES, (long) n * Double.BYTES);
    }

    private static void arith(Arith kind, float[] x, float[] y, float[] z, int n) {
        switch (kind) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] + y[i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] - y[i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] * y[i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] / y[i];
                }
            }
        }
    }

    private static void arith(Arith kind, double[] x, double[] y, double[] z, int n) {
        switch (kind) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] + y[i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] - y[i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] * y[i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] / y[i];
                }
            }
        }
    }

    /** One thread's staging chunks. */
    private static final class Chunks {
        final float[] xf = new float[CHUNK];
        final float[] yf = new float[CHUNK];
        final float[] zf = new float[CHUNK];
        final double[] xd = new double[CHUNK];
        final double[] yd = new double[CHUNK];
        final double[] zd = new double[CHUNK];
    }
}

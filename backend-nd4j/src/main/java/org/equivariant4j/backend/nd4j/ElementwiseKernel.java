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
 * per-thread {@code double[]} chunks (bulk copies in and out, widened from float32), where the
 * arithmetic loops are plain array loops that C2 vectorises; a chunk stays in L1. One loop serves
 * both dtypes without changing a float32 result: a sum, difference, product or quotient of two
 * floats computed in double and rounded once is the correctly rounded float result (53 >= 2·24 + 2
 * bits), and scalars are first rounded to float32 for float32 arrays, as ND4J does. So results
 * agree with the portable path (checked in {@code ElementwisePathsAgreeTest}).
 */
final class ElementwiseKernel {
    /** Elements per staged chunk: the chunks of one thread fit in L1 (28 KB). */
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
        StagedOperand x = StagedOperand.of(a, walk, 0);
        StagedOperand y = StagedOperand.of(b, walk, 1);
        long po = NativeMemory.address(out);
        boolean doubles = a.dataType() == DataType.DOUBLE;
        parallel(walk.total(), (from, to) -> walk.walk(from, to, CHUNK, (flat, off, n) -> {
            Chunks c = CHUNKS.get();
            x.load(off[0], c.f, c.x, n);
            y.load(off[1], c.f, c.y, n);
            arith(kind, c.x, c.y, c.z, n);
            store(doubles, c.f, c.z, po, flat, n);
        }));
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        return out;
    }

    /**
     * {@code a} broadcast to {@code shape} (NumPy rules), into a new dense array: the backward of a
     * sum or mean, which spreads the reduced gradient over the input's shape. ND4J's
     * {@code INDArray.broadcast} took 22 ms of CPU for a {@code [16]} gradient spread over
     * {@code [64,16,28,28]} (the batch norm of a C4 G-CNN step), half of that step; this is one
     * staged copy at memory bandwidth.
     */
    static INDArray broadcast(INDArray a, long[] shape) {
        INDArray out = NativeMemory.uninitialized(a, shape);
        StridedWalk walk = StridedWalk.of(shape, new long[][] {a.shape()}, new long[][] {a.stride()});
        StagedOperand x = StagedOperand.of(a, walk, 0);
        long po = NativeMemory.address(out);
        boolean doubles = a.dataType() == DataType.DOUBLE;
        parallel(walk.total(), (from, to) -> walk.walk(from, to, CHUNK, (flat, off, n) -> {
            Chunks c = CHUNKS.get();
            x.load(off[0], c.f, c.x, n);
            store(doubles, c.f, c.x, po, flat, n);
        }));
        Reference.reachabilityFence(a);
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
        StagedOperand in = StagedOperand.of(x, walk, 0);
        long po = NativeMemory.address(out);
        long pf = factorOut == null ? 0 : NativeMemory.address(factorOut);
        boolean doubles = x.dataType() == DataType.DOUBLE;
        double s = scalar(doubles, slope);
        // A plain ReLU without factor: max(x, 0), which C2 vectorises (the select below it does not).
        boolean plain = slope == 0 && factorOut == null;
        parallel(walk.total(), (from, to) -> walk.walk(from, to, CHUNK, (flat, off, n) -> {
            Chunks c = CHUNKS.get();
            double[] v = c.x;
            double[] f = c.y;
            double[] z = c.z;
            in.load(off[0], c.f, v, n);
            if (plain) {
                for (int i = 0; i < n; i++) {
                    z[i] = Math.max(v[i], 0.0);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    f[i] = v[i] > 0 ? 1.0 : s;
                    z[i] = v[i] * f[i];
                }
            }
            store(doubles, c.f, z, po, flat, n);
            if (pf != 0) {
                store(doubles, c.f, f, pf, flat, n);
            }
        }));
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(factorOut);
        return out;
    }

    /**
     * {@code x * scale + shift} into a new dense array ({@code mul} and {@code add} by a scalar), rounded
     * once; with {@code shift} 0 no addition at all, which would turn {@code -0.0} products into {@code +0.0}.
     */
    static INDArray affine(INDArray x, double scale, double shift) {
        INDArray out = NativeMemory.uninitialized(x, x.shape());
        StridedWalk walk = StridedWalk.of(x.shape(), new long[][] {x.shape()}, new long[][] {x.stride()});
        StagedOperand in = StagedOperand.of(x, walk, 0);
        long po = NativeMemory.address(out);
        boolean doubles = x.dataType() == DataType.DOUBLE;
        double a = scalar(doubles, scale);
        double b = scalar(doubles, shift);
        parallel(walk.total(), (from, to) -> walk.walk(from, to, CHUNK, (flat, off, n) -> {
            Chunks c = CHUNKS.get();
            double[] v = c.x;
            double[] z = c.z;
            in.load(off[0], c.f, v, n);
            if (b == 0) {
                for (int i = 0; i < n; i++) {
                    z[i] = v[i] * a;
                }
            } else if (a == 1) {
                for (int i = 0; i < n; i++) {
                    z[i] = v[i] + b;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    z[i] = v[i] * a + b;
                }
            }
            store(doubles, c.f, z, po, flat, n);
        }));
        Reference.reachabilityFence(x);
        return out;
    }

    /** A scalar as the array's dtype holds it: rounded to float32 for a float32 array, as ND4J's scalar ops do. */
    private static double scalar(boolean doubles, double value) {
        return doubles ? value : (float) value;
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

    /**
     * {@code src[0, n)} to elements {@code [offset, offset + n)} of a dense output at {@code base},
     * narrowed to float32 through {@code f} (at least {@code n} long) unless {@code doubles}.
     */
    static void store(boolean doubles, float[] f, double[] src, long base, long offset, int n) {
        if (doubles) {
            UNSAFE.copyMemory(src, DOUBLE_ARRAY_BASE, null, base + offset * Double.BYTES, (long) n * Double.BYTES);
            return;
        }
        for (int i = 0; i < n; i++) {
            f[i] = (float) src[i];
        }
        UNSAFE.copyMemory(f, FLOAT_ARRAY_BASE, null, base + offset * Float.BYTES, (long) n * Float.BYTES);
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

    /** One thread's staging chunks: three of doubles and one of floats for widening and narrowing. */
    private static final class Chunks {
        final double[] x = new double[CHUNK];
        final double[] y = new double[CHUNK];
        final double[] z = new double[CHUNK];
        final float[] f = new float[CHUNK];
    }
}

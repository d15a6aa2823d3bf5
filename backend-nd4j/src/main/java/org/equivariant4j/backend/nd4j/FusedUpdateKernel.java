package org.equivariant4j.backend.nd4j;

import java.lang.ref.Reference;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The optimisers' in-place updates as single Java passes over host memory: no native call, no
 * temporary array. Through ND4J the same update is three to five ops, each a JNI call of 5-40 µs
 * plus, for the temporaries, fresh native memory; an MLP's Adam step spent milliseconds there.
 *
 * <p>All operands are dense ({@link NativeMemory#isDense}), of one dtype (float32 or float64) and
 * one length: the caller ({@code InPlaceOps}) checks that and takes ND4J's path otherwise. An
 * operand may be the target itself (each element is read before it is written). Arithmetic is in
 * double precision, rounded once per element for float32. One thread: the loop streams a few
 * arrays once, and an MLP's parameters take ~0.1 ms.
 */
final class FusedUpdateKernel {

    private FusedUpdateKernel() {
    }

    /** Whether the kernel handles these operands (the caller has checked shapes and dtypes agree). */
    public static boolean supports(INDArray... arrays) {
        for (INDArray a : arrays) {
            if ((a.dataType() != DataType.FLOAT && a.dataType() != DataType.DOUBLE) || !NativeMemory.isDense(a)) {
                return false;
            }
        }
        return true;
    }

    /** {@code t = alpha * t + beta * o}. */
    public static void scaleAdd(INDArray t, double alpha, INDArray o, double beta) {
        long n = t.length();
        long pt = NativeMemory.address(t);
        long po = NativeMemory.address(o);
        var u = NativeMemory.UNSAFE;
        if (t.dataType() == DataType.DOUBLE) {
            for (long i = 0; i < n; i++) {
                long k = i * Double.BYTES;
                u.putDouble(pt + k, alpha * u.getDouble(pt + k) + beta * u.getDouble(po + k));
            }
        } else {
            for (long i = 0; i < n; i++) {
                long k = i * Float.BYTES;
                u.putFloat(pt + k, (float) (alpha * u.getFloat(pt + k) + beta * u.getFloat(po + k)));
            }
        }
        Reference.reachabilityFence(t);
        Reference.reachabilityFence(o);
    }

    /** {@code t = alpha * t + beta * a * b}. */
    public static void scaleAddProduct(INDArray t, double alpha, INDArray a, INDArray b, double beta) {
        long n = t.length();
        long pt = NativeMemory.address(t);
        long pa = NativeMemory.address(a);
        long pb = NativeMemory.address(b);
        var u = NativeMemory.UNSAFE;
        if (t.dataType() == DataType.DOUBLE) {
            for (long i = 0; i < n; i++) {
                long k = i * Double.BYTES;
                u.putDouble(pt + k, alpha * u.getDouble(pt + k) + beta * (u.getDouble(pa + k) * u.getDouble(pb + k)));
            }
        } else {
            for (long i = 0; i < n; i++) {
                long k = i * Float.BYTES;
                double ab = (double) u.getFloat(pa + k) * u.getFloat(pb + k);
                u.putFloat(pt + k, (float) (alpha * u.getFloat(pt + k) + beta * ab));
            }
        }
        Reference.reachabilityFence(t);
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
    }

    /** {@code t = t + scale * num / (sqrt(den) + eps)}. */
    public static void addRootQuotient(INDArray t, double scale, INDArray num, INDArray den, double eps) {
        long n = t.length();
        long pt = NativeMemory.address(t);
        long pn = NativeMemory.address(num);
        long pd = NativeMemory.address(den);
        var u = NativeMemory.UNSAFE;
        if (t.dataType() == DataType.DOUBLE) {
            for (long i = 0; i < n; i++) {
                long k = i * Double.BYTES;
                u.putDouble(pt + k, u.getDouble(pt + k) + scale * (u.getDouble(pn + k) / (Math.sqrt(u.getDouble(pd + k)) + eps)));
            }
        } else {
            for (long i = 0; i < n; i++) {
                long k = i * Float.BYTES;
                double q = u.getFloat(pn + k) / (Math.sqrt(u.getFloat(pd + k)) + eps);
                u.putFloat(pt + k, (float) (u.getFloat(pt + k) + scale * q));
            }
        }
        Reference.reachabilityFence(t);
        Reference.reachabilityFence(num);
        Reference.reachabilityFence(den);
    }
}

package org.equivariant4j.backend.nd4j;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import sun.misc.Unsafe;

/**
 * Reads and writes of the host memory behind dense ND4J arrays, by address. The kernels use
 * {@code sun.misc.Unsafe} because it was the fastest of the ways measured for 4-256 byte rows
 * scattered through a buffer: a segment sum over [20000, 64] float32 took ~0.5 ms this way,
 * ~0.75 ms through {@code FloatBuffer} views (bounds checks on every element, or a bulk-copy
 * call per row), ~1.8 ms copying the input to a {@code float[]} first, and JavaCPP's
 * {@code FloatPointer.get(i)} is a JNI call per element. Nothing here checks bounds: every
 * caller validates its indices first, so a bad index is an exception, never a stray write.
 *
 * <p>Where {@code Unsafe} cannot be reached (a future JDK, a restrictive module setup),
 * {@link #isAvailable()} is false and {@link KernelSelection} keeps to the ND4J ops.
 */
final class NativeMemory {
    static final Unsafe UNSAFE = findUnsafe();

    /** Where the first element of a {@code float[]} sits relative to the array object. */
    static final long FLOAT_ARRAY_BASE = UNSAFE == null ? 0 : Unsafe.ARRAY_FLOAT_BASE_OFFSET;
    /** Where the first element of a {@code double[]} sits relative to the array object. */
    static final long DOUBLE_ARRAY_BASE = UNSAFE == null ? 0 : Unsafe.ARRAY_DOUBLE_BASE_OFFSET;

    private NativeMemory() {
    }

    /** Whether raw memory access works in this JVM. */
    public static boolean isAvailable() {
        return UNSAFE != null;
    }

    /**
     * Whether element {@code k} (in row-major order) of {@code a} sits at {@code address(a) + k *
     * elementSize}: the default C strides, so row slices and fresh arrays qualify, and transposes
     * and column slices do not. Only the strides matter, not the ordering flag (ND4J marks some
     * vector views 'f'), and size-1 dimensions may have any stride.
     */
    public static boolean isDense(INDArray a) {
        if (a.length() <= 1) {
            return true;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** {@code a} itself when it is {@link #isDense dense}, otherwise a dense C-order copy. */
    public static INDArray dense(INDArray a) {
        return isDense(a) ? a : a.dup('c');
    }

    /**
     * The address of the first element of {@code a}, which must be dense and on the host. A view's
     * buffer carries its offset into the parent (checked in {@code NativeMemoryTest}); the buffer's
     * NIO view does not, so it cannot be used instead. The caller must keep {@code a} reachable
     * (see {@link java.lang.ref.Reference#reachabilityFence}) while it uses the address: JavaCPP
     * frees the memory once the array is collected.
     */
    public static long address(INDArray a) {
        if (!isDense(a)) {
            throw new InvalidArgumentException("not a dense C-order array: shape " + Arrays.toString(a.shape())
                    + ", strides " + Arrays.toString(a.stride()) + ", order " + a.ordering());
        }
        return a.data().addressPointer().address();
    }

    /**
     * Ends the use of {@code used}, the result of {@link #dense dense(original)}: a copy is freed now
     * rather than whenever the collector gets to it (a [20000, 64] copy is 5 MB of native memory; it goes
     * to the {@link BufferPool}),
     * and either way the array stays reachable until here, as {@link #address} requires.
     */
    static void release(INDArray used, INDArray original) {
        if (used != original) {
            BufferPool.release(used.data());
        }
        Reference.reachabilityFence(used);
    }

    /** The {@code n} int32 or int64 entries of an index array, as ints in [0, bound). */
    static int[] indices(INDArray indexArray, long bound, String what) {
        INDArray index = dense(indexArray);
        int n = Math.toIntExact(index.length());
        int[] out = new int[n];
        long base = address(index);
        boolean wide = index.dataType().width() == Long.BYTES;
        for (int i = 0; i < n; i++) {
            long v = wide ? UNSAFE.getLong(base + (long) i * Long.BYTES) : UNSAFE.getInt(base + (long) i * Integer.BYTES);
            if (v < 0 || v >= bound) {
                // The ops validate indices first (IndexChecks); this guards the raw writes.
                throw new IndexOutOfBoundsException(what + " " + v + " at position " + i + " is out of range [0, " + bound + ")");
            }
            out[i] = (int) v;
        }
        release(index, indexArray);
        return out;
    }

    /** A new uninitialised dense array; kernels write every element of it. */
    static INDArray uninitialized(INDArray like, long[] shape) {
        return Nd4j.createUninitialized(like.dataType(), shape);
    }

    private static Unsafe findUnsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

package org.equivariant4j.backend.nd4j;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Host memory holding a dense row-major float32 or float64 array, seen two ways: as an NIO buffer
 * for the Java loops' bulk copies, and as a JavaCPP pointer for BLAS. Element {@code k} of the
 * array is index {@code k} of the buffer and {@code pointer(k)}.
 *
 * <p>Only bulk transfers go through the NIO buffer (rows of tens to thousands of elements, copied
 * into and out of Java arrays where the per-element loops run, which C2 vectorises): per-element
 * NIO access would be bounds-checked, and JavaCPP's pointers cost a JNI call per element. The NIO
 * route needs no {@code Unsafe}, and a wrong index is an exception, never a stray write.
 *
 * <p>Instances keep the memory's owner reachable; callers keep the instance reachable until
 * their last native call on it returns.
 */
final class HostArray {
    /** Up to this many elements, {@link #zero} stores them one by one (cheaper than a bulk call). */
    private static final int SMALL_ZERO = 8;
    private static final float[] ZEROS = new float[1024];
    private static final double[] ZEROS_D = new double[1024];

    private final Object owner;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;
    private final Pointer base;

    private HostArray(Object owner, FloatBuffer floats, DoubleBuffer doubles, Pointer base) {
        this.owner = owner;
        this.floats = floats;
        this.doubles = doubles;
        this.base = base;
    }

    /** Whether the kernels handle this dtype. */
    static boolean supports(DataType type) {
        return type == DataType.FLOAT || type == DataType.DOUBLE;
    }

    /**
     * The memory of {@code a}, which must be float32 or float64, {@link #isDirectlyUsable usable
     * directly}, and on the host.
     */
    static HostArray of(INDArray a) {
        if (!isDirectlyUsable(a)) {
            throw new InvalidArgumentException("not a dense C-order array starting its buffer: shape "
                    + Arrays.toString(a.shape()) + ", strides " + Arrays.toString(a.stride()) + ", offset " + a.offset());
        }
        if (a.dataType() == DataType.FLOAT) {
            FloatBuffer f = a.data().asNioFloat();
            return new HostArray(a, f, null, new FloatPointer(f));
        }
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer d = a.data().asNioDouble();
            return new HostArray(a, null, d, new DoublePointer(d));
        }
        throw new InvalidArgumentException("the convolution kernels handle float32 and float64, not " + a.dataType());
    }

    /** Direct memory of {@code elements} float32 or float64 elements, zeroed. */
    static HostArray allocate(DataType type, long elements) {
        int width = type == DataType.DOUBLE ? Double.BYTES : Float.BYTES;
        ByteBuffer bytes = ByteBuffer.allocateDirect(Math.toIntExact(elements * width)).order(ByteOrder.nativeOrder());
        if (type == DataType.DOUBLE) {
            DoubleBuffer d = bytes.asDoubleBuffer();
            return new HostArray(bytes, null, d, new DoublePointer(d));
        }
        FloatBuffer f = bytes.asFloatBuffer();
        return new HostArray(bytes, f, null, new FloatPointer(f));
    }

    /**
     * Whether {@code a} can be handed to the kernels as it is: element {@code k} in row-major
     * order sits {@code k} elements after the start of its buffer. Views (even dense ones) are
     * excluded because ND4J's NIO and pointer views of them disagree about the offset.
     */
    static boolean isDirectlyUsable(INDArray a) {
        if (a.isView() || a.offset() != 0) {
            return false;
        }
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            // ND4J gives unit dimensions varying strides; they never matter.
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** {@code a} itself when {@link #isDirectlyUsable usable directly}, otherwise a dense C-order copy. */
    static INDArray usable(INDArray a) {
        return isDirectlyUsable(a) ? a : a.dup('c');
    }

    boolean isDouble() {
        return doubles != null;
    }

    /** Number of elements the memory holds. */
    long capacity() {
        return isDouble() ? doubles.capacity() : floats.capacity();
    }

    /** A pointer to element {@code index}, for BLAS. */
    Pointer pointer(long index) {
        return isDouble() ? new DoublePointer(base).position(index) : new FloatPointer(base).position(index);
    }

    /** The object whose reachability keeps the memory alive. */
    Object owner() {
        return owner;
    }

    /** Sets elements {@code [from, to)} to zero: element by element for a few, by bulk copy otherwise. */
    void zero(int from, int to) {
        if (to - from <= SMALL_ZERO) {
            for (int i = from; i < to; i++) {
                if (isDouble()) {
                    doubles.put(i, 0d);
                } else {
                    floats.put(i, 0f);
                }
            }
            return;
        }
        for (int i = from; i < to; i += ZEROS.length) {
            int n = Math.min(ZEROS.length, to - i);
            if (isDouble()) {
                doubles.put(i, ZEROS_D, 0, n);
            } else {
                floats.put(i, ZEROS, 0, n);
            }
        }
    }

    void get(int index, float[] dst, int offset, int length) {
        floats.get(index, dst, offset, length);
    }

    void put(int index, float[] src, int offset, int length) {
        floats.put(index, src, offset, length);
    }

    void get(int index, double[] dst, int offset, int length) {
        doubles.get(index, dst, offset, length);
    }

    void put(int index, double[] src, int offset, int length) {
        doubles.put(index, src, offset, length);
    }
}

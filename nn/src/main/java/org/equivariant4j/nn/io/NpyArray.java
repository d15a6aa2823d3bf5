package org.equivariant4j.nn.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * An n-dimensional array read from (or to be written to) a NumPy file: element type, shape, and the
 * elements in C (row-major) order. Whatever the file's byte order and memory order, the array holds
 * them normalised, so every accessor sees row-major values. Immutable.
 */
public final class NpyArray {
    private final NpyDType dtype;
    private final int[] shape;
    private final ByteBuffer data;

    /** {@code data}: the elements in C order, little-endian; its length must match {@code shape} and {@code dtype}. */
    NpyArray(NpyDType dtype, int[] shape, ByteBuffer data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        long expected = numel(this.shape) * dtype.itemSize();
        if (data.remaining() != expected) {
            throw new ShapeMismatchException("NpyArray: " + dtype + Arrays.toString(shape) + " needs " + expected + " bytes but got "
                    + data.remaining());
        }
        this.data = data.slice().order(ByteOrder.LITTLE_ENDIAN).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    public static NpyArray ofFloats(float[] values, int... shape) {
        ByteBuffer b = allocate(values.length, 4, shape);
        b.asFloatBuffer().put(values);
        return new NpyArray(NpyDType.FLOAT32, shape, b);
    }

    public static NpyArray ofDoubles(double[] values, int... shape) {
        ByteBuffer b = allocate(values.length, 8, shape);
        b.asDoubleBuffer().put(values);
        return new NpyArray(NpyDType.FLOAT64, shape, b);
    }

    public static NpyArray ofLongs(long[] values, int... shape) {
        ByteBuffer b = allocate(values.length, 8, shape);
        b.asLongBuffer().put(values);
        return new NpyArray(NpyDType.INT64, shape, b);
    }

    public static NpyArray ofInts(int[] values, int... shape) {
        ByteBuffer b = allocate(values.length, 4, shape);
        b.asIntBuffer().put(values);
        return new NpyArray(NpyDType.INT32, shape, b);
    }

    /** Unsigned bytes: each value must be in [0, 255]. */
    public static NpyArray ofUnsignedBytes(int[] values, int... shape) {
        ByteBuffer b = allocate(values.length, 1, shape);
        for (int v : values) {
            if (v < 0 || v > 255) {
                throw new InvalidArgumentException("NpyArray.ofUnsignedBytes: " + v + " is not in [0, 255]");
            }
            b.put((byte) v);
        }
        b.flip();
        return new NpyArray(NpyDType.UINT8, shape, b);
    }

    public static NpyArray ofBooleans(boolean[] values, int... shape) {
        ByteBuffer b = allocate(values.length, 1, shape);
        for (boolean v : values) {
            b.put((byte) (v ? 1 : 0));
        }
        b.flip();
        return new NpyArray(NpyDType.BOOL, shape, b);
    }

    private static ByteBuffer allocate(int length, int itemSize, int[] shape) {
        if (numel(shape) != length) {
            throw new ShapeMismatchException("NpyArray: " + length + " values do not fill the shape " + Arrays.toString(shape));
        }
        return ByteBuffer.allocate(length * itemSize).order(ByteOrder.LITTLE_ENDIAN);
    }

    static long numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    public NpyDType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int numel() {
        return (int) numel(shape);
    }

    /** The element at row-major index {@code i}, as a double (exact for every type except large int64). */
    public double getDouble(int i) {
        int at = i * dtype.itemSize();
        return switch (dtype) {
            case FLOAT32 -> data.getFloat(at);
            case FLOAT64 -> data.getDouble(at);
            case INT8 -> data.get(at);
            case INT16 -> data.getShort(at);
            case INT32 -> data.getInt(at);
            case INT64 -> data.getLong(at);
            case UINT8 -> data.get(at) & 0xFF;
            case UINT16 -> data.getShort(at) & 0xFFFF;
            case UINT32 -> data.getInt(at) & 0xFFFFFFFFL;
            case BOOL -> data.get(at) != 0 ? 1 : 0;
        };
    }

    /** The element at row-major index {@code i} as a long; refuses a floating type (use {@link #getDouble}). */
    public long getLong(int i) {
        if (dtype.isFloating()) {
            throw new UnsupportedOperationException("NpyArray.getLong: the array is " + dtype + "; read it with getDouble");
        }
        return dtype == NpyDType.INT64 ? data.getLong(i * 8) : (long) getDouble(i);
    }

    public double[] toDoubleArray() {
        double[] out = new double[numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    public float[] toFloatArray() {
        float[] out = new float[numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) getDouble(i);
        }
        return out;
    }

    /** Integer elements as longs; refuses a floating type. */
    public long[] toLongArray() {
        long[] out = new long[numel()];
        for (int i = 0; i < out.length; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** A tensor of this shape and dtype {@code type}: FLOAT32/FLOAT64 take the values, INT64 the integers. */
    public Tensor toTensor(DType type) {
        return switch (type) {
            case FLOAT32 -> Tensors.of(toFloatArray(), shape);
            case FLOAT64 -> Tensors.of(toDoubleArray(), DType.FLOAT64, shape);
            case INT64 -> Tensors.of(toLongArray(), shape);
            default -> throw new UnsupportedOperationException("NpyArray.toTensor: no conversion to " + type);
        };
    }

    /** The raw little-endian C-order bytes (a read-only view). */
    ByteBuffer bytes() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public String toString() {
        return "NpyArray(" + dtype.code() + " " + Arrays.toString(shape) + ")";
    }
}

package org.equivariant4j.nn.io;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * The content of an unsigned-byte IDX file: its dimensions and its values in row-major order, each
 * 0..255. Kept as bytes (MNIST's 60,000 training images are 47 MB as bytes, four times that as floats);
 * {@link #toTensor(double)} converts once, to the shape of the file.
 */
public final class IdxArray {
    private final int[] dims;
    private final byte[] data;

    IdxArray(int[] dims, byte[] data) {
        this.dims = dims.clone();
        this.data = data;
    }

    /** The dimensions as stored, e.g. {@code [60000, 28, 28]} for MNIST's training images. */
    public int[] dims() {
        return dims.clone();
    }

    public int rank() {
        return dims.length;
    }

    /** Number of values. */
    public int size() {
        return data.length;
    }

    /** Value {@code i} (row-major), 0..255. */
    public int get(int i) {
        return data[i] & 0xFF;
    }

    /**
     * The first {@code count} entries along dimension 0, each value times {@code scale}, as a float32 tensor of shape
     * {@code [count, dims[1], ...]}.
     */
    public Tensor toTensor(int count, double scale) {
        if (count < 0 || count > dims[0]) {
            throw new InvalidArgumentException("IdxArray: asked for " + count + " entries of " + dims[0]);
        }
        int per = dims[0] == 0 ? 0 : data.length / dims[0];
        float[] values = new float[count * per];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((data[i] & 0xFF) * scale);
        }
        int[] shape = dims.clone();
        shape[0] = count;
        return Tensors.of(values, shape);
    }

    /** All entries, each value times {@code scale}. */
    public Tensor toTensor(double scale) {
        return toTensor(dims[0], scale);
    }

    @Override
    public String toString() {
        return "IdxArray(ubyte " + Arrays.toString(dims) + ")";
    }
}

package org.equivariant4j.nn.checkpoint;

import java.util.Arrays;

import org.equivariant4j.core.tensor.DType;

/**
 * One tensor's line of a safetensors header: its name, dtype, shape and byte range
 * {@code [begin, end)} relative to the start of the data section.
 */
record HeaderEntry(String name, DType dtype, int[] shape, long begin, long end) {

    /** Number of elements (1 for a scalar). */
    long numel() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    long byteCount() {
        return end - begin;
    }

    @Override
    public String toString() {
        return "'" + name + "' " + dtype.safetensorsCode() + Arrays.toString(shape) + " [" + begin + ", " + end + ")";
    }
}

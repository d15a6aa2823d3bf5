package org.equivariant4j.core.tensor;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;

/** Window geometry of a max or average pooling over d spatial dimensions. Padding is implicit -inf (max) or excluded (avg). */
public record PoolSpec(int[] kernel, int[] stride, int[] padding) {

    public PoolSpec {
        if (stride.length != kernel.length || padding.length != kernel.length) {
            throw new ShapeMismatchException("PoolSpec: kernel, stride and padding must have one entry per spatial dimension, got "
                    + Arrays.toString(kernel) + ", " + Arrays.toString(stride) + ", " + Arrays.toString(padding));
        }
        for (int i = 0; i < kernel.length; i++) {
            if (kernel[i] < 1 || stride[i] < 1 || padding[i] < 0 || 2 * padding[i] > kernel[i]) {
                throw new InvalidArgumentException("PoolSpec: need kernel, stride >= 1 and 0 <= padding <= kernel/2, got kernel="
                        + Arrays.toString(kernel) + " stride=" + Arrays.toString(stride) + " padding=" + Arrays.toString(padding));
            }
        }
        kernel = kernel.clone();
        stride = stride.clone();
        padding = padding.clone();
    }

    /** A window of size {@code k} in each of {@code dims} dimensions, stride {@code k}, no padding. */
    public static PoolSpec of(int dims, int k) {
        return new PoolSpec(ConvSpec.filled(dims, k), ConvSpec.filled(dims, k), ConvSpec.filled(dims, 0));
    }

    public PoolSpec withStride(int s) {
        return new PoolSpec(kernel, ConvSpec.filled(kernel.length, s), padding);
    }

    public PoolSpec withPadding(int p) {
        return new PoolSpec(kernel, stride, ConvSpec.filled(kernel.length, p));
    }

    public int spatialDims() {
        return kernel.length;
    }

    @Override
    public int[] kernel() {
        return kernel.clone();
    }

    @Override
    public int[] stride() {
        return stride.clone();
    }

    @Override
    public int[] padding() {
        return padding.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolSpec p && Arrays.equals(kernel, p.kernel) && Arrays.equals(stride, p.stride)
                && Arrays.equals(padding, p.padding);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(kernel) + Arrays.hashCode(stride)) + Arrays.hashCode(padding);
    }

    @Override
    public String toString() {
        return "PoolSpec(kernel=" + Arrays.toString(kernel) + ", stride=" + Arrays.toString(stride) + ", padding="
                + Arrays.toString(padding) + ")";
    }
}

package org.equivariant4j.core.tensor;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;

/**
 * Geometry of a convolution over d spatial dimensions: per-dimension stride, zero padding,
 * dilation, and the number of groups. For transposed convolutions {@code outputPadding} adds
 * rows at the far end of each output dimension (as in PyTorch); it is zero for ordinary ones.
 */
public record ConvSpec(int[] stride, int[] padding, int[] dilation, int groups, int[] outputPadding) {

    public ConvSpec {
        if (stride == null || padding == null || dilation == null || outputPadding == null) {
            throw new InvalidArgumentException("ConvSpec: stride, padding, dilation and outputPadding must all be given, got "
                    + describe(stride, padding, dilation, groups, outputPadding));
        }
        int d = stride.length;
        if (padding.length != d || dilation.length != d || outputPadding.length != d) {
            throw new ShapeMismatchException("ConvSpec: stride, padding, dilation and outputPadding must have one entry per"
                    + " spatial dimension, got " + Arrays.toString(stride) + ", " + Arrays.toString(padding) + ", "
                    + Arrays.toString(dilation) + ", " + Arrays.toString(outputPadding));
        }
        if (groups < 1) {
            throw new InvalidArgumentException("ConvSpec: groups must be >= 1, got " + groups);
        }
        for (int i = 0; i < d; i++) {
            if (stride[i] < 1 || dilation[i] < 1 || padding[i] < 0 || outputPadding[i] < 0) {
                // Not "+ this": the fields are not assigned yet here, so toString() would print nulls.
                throw new InvalidArgumentException("ConvSpec: stride and dilation must be >= 1 and padding, outputPadding >= 0,"
                        + " got " + describe(stride, padding, dilation, groups, outputPadding));
            }
        }
        stride = stride.clone();
        padding = padding.clone();
        dilation = dilation.clone();
        outputPadding = outputPadding.clone();
    }

    /** Stride 1, no padding, no dilation, one group, over {@code dims} spatial dimensions. */
    public static ConvSpec of(int dims) {
        return new ConvSpec(filled(dims, 1), filled(dims, 0), filled(dims, 1), 1, filled(dims, 0));
    }

    public int spatialDims() {
        return stride.length;
    }

    public ConvSpec withStride(int s) {
        return new ConvSpec(filled(spatialDims(), s), padding, dilation, groups, outputPadding);
    }

    public ConvSpec withPadding(int p) {
        return new ConvSpec(stride, filled(spatialDims(), p), dilation, groups, outputPadding);
    }

    public ConvSpec withDilation(int dl) {
        return new ConvSpec(stride, padding, filled(spatialDims(), dl), groups, outputPadding);
    }

    public ConvSpec withGroups(int g) {
        return new ConvSpec(stride, padding, dilation, g, outputPadding);
    }

    public ConvSpec withOutputPadding(int op) {
        return new ConvSpec(stride, padding, dilation, groups, filled(spatialDims(), op));
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
    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    public int[] outputPadding() {
        return outputPadding.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConvSpec c && Arrays.equals(stride, c.stride) && Arrays.equals(padding, c.padding)
                && Arrays.equals(dilation, c.dilation) && groups == c.groups && Arrays.equals(outputPadding, c.outputPadding);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(stride), Arrays.hashCode(padding), Arrays.hashCode(dilation),
            groups, Arrays.hashCode(outputPadding)});
    }

    @Override
    public String toString() {
        return describe(stride, padding, dilation, groups, outputPadding);
    }

    private static String describe(int[] stride, int[] padding, int[] dilation, int groups, int[] outputPadding) {
        return "ConvSpec(stride=" + Arrays.toString(stride) + ", padding=" + Arrays.toString(padding) + ", dilation="
                + Arrays.toString(dilation) + ", groups=" + groups + ", outputPadding=" + Arrays.toString(outputPadding) + ")";
    }

    static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }
}

package org.equivariant4j.backend.nd4j;

import org.equivariant4j.core.error.InvalidArgumentException;

import java.util.Arrays;

/**
 * The spatial arithmetic shared by {@link Im2Col}'s two directions: an "image" of extent
 * {@code image} (the convolution's input, or a transposed convolution's output), a grid of
 * {@code grid} kernel positions (the convolution's output, or the transposed convolution's
 * input), and the kernel, stride, zero padding and dilation that tie them: kernel position
 * {@code o} with tap {@code k} reads image index {@code o * stride - padding + k * dilation} in each
 * dimension, and reads zero where that falls outside the image.
 *
 * <p>One and two spatial dimensions are lifted to three with leading unit dimensions (extent 1,
 * kernel 1, stride 1, no padding), so one set of loops serves all ranks at no measurable cost.
 * Taking both extents explicitly, rather than deriving the grid from the image, is what lets a
 * transposed convolution's output padding through without cropping: the extra image rows simply
 * receive the taps that reach them.
 *
 * <p>Precomputed here, once per call: for every tap and grid row the offset of the image row it
 * reads ({@code -1} when that row is padding), and for every tap along the innermost dimension
 * the range of grid columns whose reads land inside the image. The kernels then never test a
 * bound per element.
 */
final class ConvGeometry {
    private final int[] image;
    private final int[] grid;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    /** {@code [kz][oz]}: {@code iz * H * W}, or -1 where {@code iz} is padding. */
    private final int[][] depthOffset;
    /** {@code [ky][oy]}: {@code iy * W}, or -1 where {@code iy} is padding. */
    private final int[][] rowOffset;
    /** Per {@code kx}: first grid column reading inside the image, one past the last, and the image column of the first. */
    private final int[] columnStart;
    private final int[] columnEnd;
    private final int[] firstImageColumn;

    private ConvGeometry(int[] image, int[] grid, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        this.image = image;
        this.grid = grid;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        for (int i = 0; i < 3; i++) {
            if (image[i] < 1 || grid[i] < 1 || kernel[i] < 1 || stride[i] < 1 || dilation[i] < 1 || padding[i] < 0) {
                throw new InvalidArgumentException("invalid convolution geometry " + this);
            }
        }
        depthOffset = offsets(0, image[1] * image[2]);
        rowOffset = offsets(1, image[2]);
        columnStart = new int[kernel[2]];
        columnEnd = new int[kernel[2]];
        firstImageColumn = new int[kernel[2]];
        for (int k = 0; k < kernel[2]; k++) {
            int shift = k * dilation[2] - padding[2];
            // smallest o with o * stride + shift >= 0, and one past the largest with o * stride + shift < image
            int start = shift >= 0 ? 0 : ceilDiv(-shift, stride[2]);
            int end = Math.min(grid[2], image[2] - shift <= 0 ? 0 : ceilDiv(image[2] - shift, stride[2]));
            columnStart[k] = Math.min(start, grid[2]);
            columnEnd[k] = Math.max(end, columnStart[k]);
            firstImageColumn[k] = columnStart[k] * stride[2] + shift;
        }
    }

    /**
     * A convolution (or its adjoint) over {@code spatial} dimensions: per-dimension extents of the
     * image and the grid, the kernel extent, stride, padding and dilation, each of length 1, 2 or 3.
     */
    public static ConvGeometry of(long[] image, long[] grid, long[] kernel, int[] stride, int[] padding, int[] dilation) {
        int d = stride.length;
        if (d < 1 || d > 3 || image.length != d || grid.length != d || kernel.length != d || padding.length != d
                || dilation.length != d) {
            throw new InvalidArgumentException("1 to 3 spatial dimensions with one entry each, got image "
                    + Arrays.toString(image) + ", grid " + Arrays.toString(grid) + ", kernel " + Arrays.toString(kernel));
        }
        return new ConvGeometry(lift(image, 1), lift(grid, 1), lift(kernel, 1), lift(stride, 1), lift(padding, 0),
                lift(dilation, 1));
    }

    /** The image extent lifted to three dimensions. */
    long[] imageExtent() {
        return new long[] {image[0], image[1], image[2]};
    }

    /** The grid extent lifted to three dimensions. */
    long[] gridExtent() {
        return new long[] {grid[0], grid[1], grid[2]};
    }

    /** Number of image elements per channel. */
    public int imageSize() {
        return image[0] * image[1] * image[2];
    }

    /** Number of kernel positions per channel: the length of one column-matrix row per sample. */
    public int gridSize() {
        return grid[0] * grid[1] * grid[2];
    }

    /** Number of taps of the kernel. */
    public int taps() {
        return kernel[0] * kernel[1] * kernel[2];
    }

    int gridRows() {
        return grid[1];
    }

    int gridColumns() {
        return grid[2];
    }

    int kernelRows() {
        return kernel[1];
    }

    int kernelColumns() {
        return kernel[2];
    }

    /** Stride along the innermost dimension: 1 means the reads of a grid row are contiguous. */
    int columnStride() {
        return stride[2];
    }

    int depthOffset(int kz, int oz) {
        return depthOffset[kz][oz];
    }

    int rowOffset(int ky, int oy) {
        return rowOffset[ky][oy];
    }

    int columnStart(int kx) {
        return columnStart[kx];
    }

    int columnEnd(int kx) {
        return columnEnd[kx];
    }

    int firstImageColumn(int kx) {
        return firstImageColumn[kx];
    }

    /** Number of grid rows: positions of the two outer dimensions, each a row of {@code gridColumns()} positions. */
    int gridRowCount() {
        return grid[0] * grid[1];
    }

    /**
     * The smallest range {@code [from, to)} of image elements (of one channel) that the taps of
     * grid rows {@code [rowFrom, rowTo)} read; empty ({@code from == to}) when they read only padding.
     */
    int[] imageRange(int rowFrom, int rowTo) {
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (int r = rowFrom; r < rowTo; r++) {
            int oz = r / grid[1];
            int oy = r % grid[1];
            for (int kz = 0; kz < kernel[0]; kz++) {
                int z = depthOffset[kz][oz];
                for (int ky = 0; ky < kernel[1] && z >= 0; ky++) {
                    int y = rowOffset[ky][oy];
                    if (y >= 0) {
                        from = Math.min(from, z + y);
                        to = Math.max(to, z + y + image[2]);
                    }
                }
            }
        }
        return from >= to ? new int[] {0, 0} : new int[] {from, to};
    }

    private int[][] offsets(int dim, int scale) {
        int[][] out = new int[kernel[dim]][grid[dim]];
        for (int k = 0; k < kernel[dim]; k++) {
            for (int o = 0; o < grid[dim]; o++) {
                int i = o * stride[dim] - padding[dim] + k * dilation[dim];
                out[k][o] = i >= 0 && i < image[dim] ? i * scale : -1;
            }
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    private static int[] lift(long[] v, int fill) {
        int[] out = {fill, fill, fill};
        for (int i = 0; i < v.length; i++) {
            out[3 - v.length + i] = Math.toIntExact(v[i]);
        }
        return out;
    }

    private static int[] lift(int[] v, int fill) {
        int[] out = {fill, fill, fill};
        System.arraycopy(v, 0, out, 3 - v.length, v.length);
        return out;
    }

    @Override
    public String toString() {
        return "image " + Arrays.toString(image) + ", grid " + Arrays.toString(grid) + ", kernel " + Arrays.toString(kernel)
                + ", stride " + Arrays.toString(stride) + ", padding " + Arrays.toString(padding) + ", dilation "
                + Arrays.toString(dilation);
    }
}

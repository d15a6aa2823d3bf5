package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

/**
 * The column matrix of a convolution and its adjoint: {@link #im2col} copies every kernel tap's
 * view of every channel into one row of a matrix, so that the convolution becomes a GEMM;
 * {@link #col2im} sums such a matrix back onto the images, which is the input gradient of a
 * convolution and the forward of a transposed one. Both work on one {@link Block} (some grid rows
 * of one sample) at a time, on the calling thread: {@link ColumnGemm} runs blocks in parallel.
 *
 * <p>Layout of a block of {@code C} channels, {@code T} taps and {@code L} grid positions: a
 * matrix {@code [C * T, L]}, row {@code c * T + t} holding tap {@code t} of channel {@code c}.
 * Rows are channel-major so that the weight {@code [O, C, *k]} read as {@code [O, C * T]} is the
 * GEMM's other factor as it is, and a group of channels is a contiguous block of rows.
 *
 * <p>Each channel's image plane (the part the block reads) is copied into a Java array, the
 * channel's rows of the matrix are built in another and stored with one bulk copy (the reverse,
 * row by row, for {@code col2im}): host memory is touched only by bulk copies, and the
 * per-element loops run on Java arrays, which C2 vectorises.
 */
final class Im2Col {

    /**
     * Grid rows {@code [rowFrom, rowTo)} of sample {@code sample}, a grid row being the positions
     * that share all but the innermost coordinate.
     */
    record Block(int sample, int rowFrom, int rowTo) {

        /** Grid positions in this block: the width {@code L} of its matrix. */
        int width(ConvGeometry g) {
            return (rowTo - rowFrom) * g.gridColumns();
        }

        /** Index of the block's first grid position within the sample's grid. */
        int gridOffset(ConvGeometry g) {
            return rowFrom * g.gridColumns();
        }
    }

    private Im2Col() {
    }

    /**
     * Fills {@code col} with the block's column matrix, reading the {@code channels} planes of the
     * sample in {@code image}; {@code plan} must have been built for the block.
     */
    static void im2col(HostArray image, int channels, Block block, ConvGeometry g, TapPlan plan, HostArray col) {
        int planeSize = g.imageSize();
        int width = block.width(g);
        int[] range = g.imageRange(block.rowFrom(), block.rowTo());
        int length = range[1] - range[0];
        Scratch scratch = Scratch.mine();
        for (int c = 0; c < channels; c++) {
            int imageAt = (block.sample() * channels + c) * planeSize + range[0];
            int colAt = c * g.taps() * width;
            if (image.isDouble()) {
                double[] plane = scratch.planeD(planeSize);
                image.get(imageAt, plane, range[0], length);
                if (g.columnStride() == 1) {
                    for (int t = 0; t < g.taps(); t++) {
                        store(plane, plan, t, col, colAt + t * width);
                    }
                } else {
                    double[] rows = scratch.rowD(g.taps() * width);
                    for (int t = 0; t < g.taps(); t++) {
                        gather(plane, plan, t, g.columnStride(), rows, t * width);
                    }
                    col.put(colAt, rows, 0, g.taps() * width);
                }
            } else {
                float[] plane = scratch.planeF(planeSize);
                image.get(imageAt, plane, range[0], length);
                if (g.columnStride() == 1) {
                    for (int t = 0; t < g.taps(); t++) {
                        store(plane, plan, t, col, colAt + t * width);
                    }
                } else {
                    float[] rows = scratch.rowF(g.taps() * width);
                    for (int t = 0; t < g.taps(); t++) {
                        gather(plane, plan, t, g.columnStride(), rows, t * width);
                    }
                    col.put(colAt, rows, 0, g.taps() * width);
                }
            }
        }
    }

    /**
     * Sums the block's column matrix in {@code col} back onto the sample's {@code channels} planes
     * in {@code image}. The first block of a sample ({@code rowFrom == 0}) overwrites the planes
     * with those sums, plus {@code bias[c]} on channel {@code c} when {@code bias} is not null;
     * later blocks of the sample add to what the earlier ones wrote, so a sample's blocks must run
     * in order on one thread. {@code plan} must have been built for the block; the entries of
     * {@code col} that read padding are cleared.
     */
    static void col2im(HostArray col, int channels, Block block, ConvGeometry g, TapPlan plan, double[] bias,
            HostArray image) {
        int planeSize = g.imageSize();
        int width = block.width(g);
        boolean first = block.rowFrom() == 0;
        int[] range = g.imageRange(block.rowFrom(), block.rowTo());
        int from = first ? 0 : range[0];
        int length = first ? planeSize : range[1] - range[0];
        Scratch scratch = Scratch.mine();
        for (int c = 0; c < channels; c++) {
            int imageAt = (block.sample() * channels + c) * planeSize;
            int colAt = c * g.taps() * width;
            if (image.isDouble()) {
                double[] plane = scratch.planeD(planeSize);
                double[] row = scratch.rowD(width);
                if (first) {
                    Arrays.fill(plane, 0, planeSize, bias == null ? 0d : bias[c]);
                } else {
                    image.get(imageAt + from, plane, from, length);
                }
                double[] staged = scratch.stagedD(planeSize);
                for (int t = 0; t < g.taps(); t++) {
                    scatterAdd(col, colAt + t * width, plan, t, g.columnStride(), row, staged, plane);
                }
                image.put(imageAt + from, plane, from, length);
            } else {
                float[] plane = scratch.planeF(planeSize);
                float[] row = scratch.rowF(width);
                if (first) {
                    Arrays.fill(plane, 0, planeSize, bias == null ? 0f : (float) bias[c]);
                } else {
                    image.get(imageAt + from, plane, from, length);
                }
                float[] staged = scratch.stagedF(planeSize);
                for (int t = 0; t < g.taps(); t++) {
                    scatterAdd(col, colAt + t * width, plan, t, g.columnStride(), row, staged, plane);
                }
                image.put(imageAt + from, plane, from, length);
            }
        }
    }

    // The float and double versions below are the same loops: Java has no generics over
    // primitives, and boxing or an interface call per element would cost the vectorised loops.

    /**
     * Row {@code t} of one plane's column matrix, stored straight into {@code col} at
     * {@code rowAt} when the column stride is 1: each (merged) copy is one bulk store from the
     * plane, and the padding entries are zeroed after it, usually one or two elements per grid
     * row. Storing straight from the plane rather than building the row in a Java array first
     * saves a pass over the largest array of the convolution.
     */
    private static void store(float[] plane, TapPlan plan, int t, HostArray col, int rowAt) {
        int[] c = plan.copies(t);
        for (int i = 0, n = plan.copyCount(t); i < n; i += 3) {
            col.put(rowAt + c[i], plane, c[i + 1], c[i + 2]);
        }
        int[] z = plan.zeros(t);
        for (int i = 0, n = plan.zeroCount(t); i < n; i += 2) {
            col.zero(rowAt + z[i], rowAt + z[i + 1]);
        }
    }

    private static void store(double[] plane, TapPlan plan, int t, HostArray col, int rowAt) {
        int[] c = plan.copies(t);
        for (int i = 0, n = plan.copyCount(t); i < n; i += 3) {
            col.put(rowAt + c[i], plane, c[i + 1], c[i + 2]);
        }
        int[] z = plan.zeros(t);
        for (int i = 0, n = plan.zeroCount(t); i < n; i += 2) {
            col.zero(rowAt + z[i], rowAt + z[i + 1]);
        }
    }

    /**
     * Row {@code t} of one plane's column matrix, into {@code row} from {@code base} on: the image
     * values tap {@code t} reads, zeros where it reads padding.
     */
    private static void gather(float[] plane, TapPlan plan, int t, int stride, float[] row, int base) {
        int[] c = plan.copies(t);
        for (int i = 0, n = plan.copyCount(t); i < n; i += 3) {
            if (stride == 1) {
                System.arraycopy(plane, c[i + 1], row, base + c[i], c[i + 2]);
            } else {
                for (int j = 0, dst = base + c[i], src = c[i + 1]; j < c[i + 2]; j++, src += stride) {
                    row[dst + j] = plane[src];
                }
            }
        }
        int[] z = plan.zeros(t);
        for (int i = 0, n = plan.zeroCount(t); i < n; i += 2) {
            for (int j = base + z[i]; j < base + z[i + 1]; j++) {
                row[j] = 0f;
            }
        }
    }

    private static void gather(double[] plane, TapPlan plan, int t, int stride, double[] row, int base) {
        int[] c = plan.copies(t);
        for (int i = 0, n = plan.copyCount(t); i < n; i += 3) {
            if (stride == 1) {
                System.arraycopy(plane, c[i + 1], row, base + c[i], c[i + 2]);
            } else {
                for (int j = 0, dst = base + c[i], src = c[i + 1]; j < c[i + 2]; j++, src += stride) {
                    row[dst + j] = plane[src];
                }
            }
        }
        int[] z = plan.zeros(t);
        for (int i = 0, n = plan.zeroCount(t); i < n; i += 2) {
            for (int j = base + z[i]; j < base + z[i + 1]; j++) {
                row[j] = 0d;
            }
        }
    }

    /**
     * The adjoint of {@link #gather}: adds row {@code t} of the matrix (at {@code rowAt} in
     * {@code col}) onto the image values that tap reads, leaving out the entries that read padding.
     *
     * <p>With stride 1 each copy is fetched straight into {@code staged} at the image offsets it
     * adds to, so the add loop indexes both arrays alike: C2 vectorises {@code a[i] += b[i]} but
     * not {@code a[i] += b[i + k]}, where it cannot rule out that the arrays overlap. Padding
     * entries inside a merged copy are zeroed in {@code staged} before adding.
     */
    private static void scatterAdd(HostArray col, int rowAt, TapPlan plan, int t, int stride, float[] row, float[] staged,
            float[] plane) {
        int[] c = plan.copies(t);
        int[] z = plan.zeros(t);
        int zeroCount = plan.zeroCount(t);
        if (stride != 1) {
            col.get(rowAt, row, 0, plan.width());
            for (int i = 0; i < zeroCount; i += 2) {
                Arrays.fill(row, z[i], z[i + 1], 0f);
            }
            for (int i = 0, n = plan.copyCount(t); i < n; i += 3) {
                for (int j = 0, entry = c[i], dst = c[i + 1]; j < c[i + 2]; j++, dst += stride) {
                    plane[dst] += row[entry + j];
                }
            }
            return;
        }
        int zi = 0;
        for (int i = 0, n = plan.copyCount(t); i < n; i += 3) {
            int entry = c[i];
            int offset = c[i + 1];
            int end = offset + c[i + 2];
            int shift = offset - entry;
            col.get(rowAt + entry, staged, offset, c[i + 2]);
            while (zi < zeroCount && z[zi] < entry + c[i + 2]) {
                int from = Math.max(z[zi], entry);
                int to = Math.min(z[zi + 1], entry + c[i + 2]);
                if (from < to) {
                    Arrays.fill(staged, from + shift, to + shift, 0f);
                }
                if (z[zi + 1] > entry + c[i + 2]) {
                    break;
                }
                zi += 2;
            }
            for (int j = offset; j < end; j++) {
                plane[j] += staged[j];
            }
        }
    }

    private static void scatterAdd(HostArray col, int rowAt, TapPlan plan, int t, int stride, double[] row, double[] staged,
            double[] plane) {
        int[] c = plan.copies(t);
        int[] z = plan.zeros(t);
        int zeroCount = plan.zeroCount(t);
        if (stride != 1) {
            col.get(rowAt, row, 0, plan.width());
            for (int i = 0; i < zeroCount; i += 2) {
                Arrays.fill(row, z[i], z[i + 1], 0d);
            }
            for (int i = 0, n = plan.copyCount(t); i < n; i += 3) {
                for (int j = 0, entry = c[i], dst = c[i + 1]; j < c[i + 2]; j++, dst += stride) {
                    plane[dst] += row[entry + j];
                }
            }
            return;
        }
        int zi = 0;
        for (int i = 0, n = plan.copyCount(t); i < n; i += 3) {
            int entry = c[i];
            int offset = c[i + 1];
            int end = offset + c[i + 2];
            int shift = offset - entry;
            col.get(rowAt + entry, staged, offset, c[i + 2]);
            while (zi < zeroCount && z[zi] < entry + c[i + 2]) {
                int from = Math.max(z[zi], entry);
                int to = Math.min(z[zi + 1], entry + c[i + 2]);
                if (from < to) {
                    Arrays.fill(staged, from + shift, to + shift, 0d);
                }
                if (z[zi + 1] > entry + c[i + 2]) {
                    break;
                }
                zi += 2;
            }
            for (int j = offset; j < end; j++) {
                plane[j] += staged[j];
            }
        }
    }
}

package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LessThanOrEqual;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * PyTorch's {@code grid_sample} with bilinear (4D input) or trilinear (5D input) interpolation,
 * zeros padding and either {@code align_corners} convention; differentiable in the input and in
 * the grid.
 *
 * <p>Everything is batched over all sample points at once: the input becomes a
 * {@code [N * cells, C]} row table (channels last); for each of the {@code 2^d} corners of every
 * point a flat row index (batch offset plus position) and a weight (product of the per-dimension
 * linear weights, zero when the corner lies outside) are computed with vector ops, per grid
 * column for both neighbours at once and then combined into corners by broadcasting;
 * one native {@code gather} fetches the rows of all corners and a weighted sum over corners gives
 * the output. The input gradient scatters the weighted output gradient back to those rows with
 * the {@code unsorted_segment_sum} op; ND4J's {@code ScatterAdd} is not used because it loses
 * updates to duplicate indices with two threads (PERFORMANCE.md). The grid gradient is the sum
 * over corners of {@code <g, corner value>} times the derivative of the corner weight, scaled by
 * the derivative of the unnormalisation.
 */
final class SamplingOps {

    private SamplingOps() {
    }

    public static Nd4jTensor gridSample(Nd4jTensor x, Nd4jTensor grid, boolean alignCorners) {
        check(x, grid);
        int d = x.rank() - 2;
        int corners = 1 << d;
        INDArray xv = x.value();
        DataType type = xv.dataType();
        long[] xs = xv.shape();
        long[] gs = grid.value().shape();
        long n = xs[0];
        long channels = xs[1];
        long cells = product(Arrays.copyOfRange(xs, 2, 2 + d));
        long points = n * product(Arrays.copyOfRange(gs, 1, 1 + d));
        long[] outShape = gs.clone();
        outShape[1] = channels;
        System.arraycopy(gs, 1, outShape, 2, d);
        AllocationLimit.check("gridSample", outShape, type);

        // Everything below is per grid column j = (x, y, z), which indexes spatial dimension d - 1 - j.
        double[] length = new double[d];
        double[] scale = new double[d];
        double[] stride = new double[d];
        double maxLength = 0;
        for (int j = 0; j < d; j++) {
            length[j] = xs[d + 1 - j];
            // align_corners: -1 and 1 are the centres of the edge pixels; otherwise their outer edges.
            scale[j] = alignCorners ? (length[j] - 1) / 2.0 : length[j] / 2.0;
            stride[j] = j == 0 ? 1 : stride[j - 1] * length[j - 1];
            maxLength = Math.max(maxLength, length[j]);
        }
        // pix = (coord + 1) * scale - shift, [points, d]
        INDArray coords = NativeConv.rowMajor(grid.value()).reshape('c', points, d);
        INDArray pix = coords.add(1.0).muliRowVector(row(scale, type)).subi(alignCorners ? 0.0 : 0.5);
        INDArray low = Transforms.floor(pix, true);
        INDArray frac = pix.subi(low);
        // A NaN or infinite coordinate must not become a garbage row index: clamping to [-2, max + 1]
        // keeps both its neighbours outside, so it reads zeros, as in PyTorch.
        BooleanIndexing.replaceWhere(low, -2.0, Conditions.isNan());
        low = Transforms.min(Transforms.max(low, -2.0, false), maxLength + 1, false);

        // [2, points, d]: the lower and upper neighbour in each column.
        INDArray pos = Nd4j.stack(0, low, low.add(1.0));
        INDArray inside = pos.gte(0.0).castTo(type).muli(compare(pos, row(length, type).subi(1.0)));
        INDArray sideWeight = Nd4j.stack(0, frac.rsub(1.0), frac).muli(inside);
        // frac is NaN for a NaN or infinite coordinate; its neighbours are outside and weigh exactly 0.
        BooleanIndexing.replaceWhere(sideWeight, 0.0, Conditions.isNan());
        // Outside corners read row 0 of their batch entry (any valid row would do: their weight is 0).
        INDArray sideOffset = broadcast(MulOp::new, pos.castTo(DataType.DOUBLE).muli(inside.castTo(DataType.DOUBLE)),
                row(stride, DataType.DOUBLE).reshape(1, 1, d));

        INDArray weight = cornerProducts(sideWeight, -1, null);
        INDArray rowIndex = cornerSums(sideOffset, batchOffsets(n, points / n, cells))
                .reshape('c', new long[] {(long) corners * points}).castTo(DataType.INT64);
        INDArray table = xv.permute(channelsLast(d)).dup('c').reshape('c', n * cells, channels);
        INDArray values = Nd4j.exec(new Gather(table, rowIndex, 0))[0].reshape('c', corners, points, channels);
        INDArray out = toChannelsFirst(broadcast(MulOp::new, values, weight.reshape('c', corners, points, 1)).sum(0),
                gs, channels, d);

        return Nd4jTensor.record("gridSample", out, g -> {
            INDArray gRows = g.permute(channelsLast(d)).dup('c').reshape('c', 1, points, channels);
            INDArray gx = null;
            if (x.requiresGrad()) {
                INDArray contributions = broadcast(MulOp::new, gRows, weight.reshape('c', corners, points, 1));
                INDArray summed = Nd4j.exec(new UnsortedSegmentSum(contributions.reshape('c', (long) corners * points, channels),
                        rowIndex, (int) (n * cells)))[0];
                gx = summed.reshape('c', channelsLastShape(xs)).permute(channelsFirst(d)).dup('c');
            }
            INDArray gGrid = null;
            if (grid.requiresGrad()) {
                // d(weight)/d(pix_j) per side: -1 (lower) or +1 (upper) where the corner is inside.
                INDArray sideSlope = broadcast(MulOp::new, inside,
                        Nd4j.create(new double[] {-1, 1}, new long[] {2, 1, 1}, DataType.DOUBLE).castTo(type));
                INDArray dot = broadcast(MulOp::new, values, gRows).sum(2);
                gGrid = Nd4j.create(type, points, d);
                for (int j = 0; j < d; j++) {
                    INDArray slope = cornerProducts(sideWeight, j, sideSlope);
                    gGrid.putColumn(j, slope.muli(dot).sum(0).muli(scale[j]));
                }
                gGrid = gGrid.reshape('c', gs);
            }
            return new INDArray[] {gx, gGrid};
        }, new GridSampleGraph(x, grid, rowIndex, low, inside, scale, alignCorners ? 0.0 : 0.5, channelsLast(d),
                channelsFirst(d)), x, grid);
    }

    /**
     * {@code [2^d, points]}: for every corner, the product over columns of the corner's side of
     * {@code perSide [2, points, d]}, using {@code replacement}'s column instead in column
     * {@code replaced} (none when negative). Corner bits run from column 0 (most significant).
     */
    private static INDArray cornerProducts(INDArray perSide, int replaced, INDArray replacement) {
        INDArray acc = column(replaced == 0 ? replacement : perSide, 0);
        for (int j = 1; j < perSide.size(2); j++) {
            acc = outer(MulOp::new, acc, column(replaced == j ? replacement : perSide, j));
        }
        return acc;
    }

    /** As {@link #cornerProducts} with sums, plus {@code base [points]} for every corner. */
    private static INDArray cornerSums(INDArray perSide, INDArray base) {
        INDArray acc = column(perSide, 0).addiRowVector(base);
        for (int j = 1; j < perSide.size(2); j++) {
            acc = outer(AddOp::new, acc, column(perSide, j));
        }
        return acc;
    }

    /** {@code [m, P] (op) [2, P]} over all pairs of rows: {@code [2m, P]}. */
    private static INDArray outer(BinaryOp op, INDArray acc, INDArray next) {
        long m = acc.size(0);
        long p = acc.size(1);
        return broadcast(op, acc.reshape('c', m, 1, p), next.reshape('c', 1, 2, p)).reshape('c', 2 * m, p);
    }

    private static INDArray column(INDArray perSide, int j) {
        return perSide.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(j)).dup('c');
    }

    /** A broadcasting pairwise op into a new array of the broadcast shape. */
    private static INDArray broadcast(BinaryOp op, INDArray a, INDArray b) {
        INDArray out = Nd4j.createUninitialized(a.dataType(), Broadcast.shape("gridSample", a.shape(), b.shape()));
        Nd4j.exec(op.create(a, b, out));
        return out;
    }

    /** 1 where {@code a <= limit} (broadcast), else 0, in {@code a}'s dtype. */
    private static INDArray compare(INDArray a, INDArray limit) {
        INDArray out = Nd4j.createUninitialized(DataType.BOOL, a.shape());
        Nd4j.exec(new LessThanOrEqual(a, limit, out));
        return out.castTo(a.dataType());
    }

    private static INDArray row(double[] values, DataType type) {
        return Nd4j.create(values, new long[] {1, values.length}, DataType.DOUBLE).castTo(type);
    }

    /** A pairwise ND4J op constructor {@code (x, y, z)}. */
    @FunctionalInterface
    private interface BinaryOp {
        CustomOp create(INDArray x, INDArray y, INDArray z);
    }

    private static void check(Nd4jTensor x, Nd4jTensor grid) {
        String shapes = "input " + Arrays.toString(x.shape()) + " and grid " + Arrays.toString(grid.shape());
        if (!x.dtype().isFloating() || grid.dtype() != x.dtype()) {
            throw new DTypeMismatchException("gridSample: input and grid must share a floating dtype, got " + x.dtype() + " and "
                    + grid.dtype());
        }
        int rank = x.rank();
        if (rank != 4 && rank != 5) {
            throw new ShapeMismatchException("gridSample: the input must be [N, C, H, W] or [N, C, D, H, W], got " + shapes);
        }
        int d = rank - 2;
        if (grid.rank() != rank || grid.size(-1) != d || grid.size(0) != x.size(0)) {
            String expected = d == 2 ? "[" + x.size(0) + ", Ho, Wo, 2]" : "[" + x.size(0) + ", Do, Ho, Wo, 3]";
            throw new ShapeMismatchException("gridSample: a rank-" + rank + " input needs a grid " + expected + ", got " + shapes);
        }
        for (int s : x.shape()) {
            if (s == 0) {
                throw new ShapeMismatchException("gridSample: empty tensors are not supported, got " + shapes);
            }
        }
        for (int s : grid.shape()) {
            if (s == 0) {
                throw new ShapeMismatchException("gridSample: empty tensors are not supported, got " + shapes);
            }
        }
    }

    /** {@code b * cells} for every point of batch entry b, as a DOUBLE vector of {@code n * perBatch}. */
    private static INDArray batchOffsets(long n, long perBatch, long cells) {
        double[] base = new double[(int) n];
        for (int b = 0; b < n; b++) {
            base[b] = (double) b * cells;
        }
        return Nd4j.create(base, new long[] {n, 1}, DataType.DOUBLE).repeat(1, perBatch).reshape('c', 1, n * perBatch);
    }

    /** {@code [points, C]} rows back to {@code [N, C, *gridSpatial]}. */
    private static INDArray toChannelsFirst(INDArray rows, long[] gridShape, long channels, int d) {
        long[] s = gridShape.clone();
        s[d + 1] = channels;
        return rows.reshape('c', s).permute(channelsFirst(d)).dup('c');
    }

    /** The shape {@code [N, *spatial, C]} of an {@code [N, C, *spatial]} array. */
    private static long[] channelsLastShape(long[] shape) {
        long[] s = new long[shape.length];
        s[0] = shape[0];
        System.arraycopy(shape, 2, s, 1, shape.length - 2);
        s[shape.length - 1] = shape[1];
        return s;
    }

    /** [N, C, *spatial] to [N, *spatial, C]. */
    private static int[] channelsLast(int d) {
        int[] order = new int[d + 2];
        for (int i = 1; i <= d; i++) {
            order[i] = i + 1;
        }
        order[d + 1] = 1;
        return order;
    }

    /** [N, *spatial, C] to [N, C, *spatial]. */
    private static int[] channelsFirst(int d) {
        int[] order = new int[d + 2];
        order[1] = d + 1;
        for (int i = 2; i < d + 2; i++) {
            order[i] = i - 1;
        }
        return order;
    }

    private static long product(long[] a) {
        long p = 1;
        for (long v : a) {
            p *= v;
        }
        return p;
    }
}

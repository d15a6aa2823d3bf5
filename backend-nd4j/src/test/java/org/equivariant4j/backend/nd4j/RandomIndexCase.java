package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.tensor.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One random input for the index kernels, made from a seed: a data array (random rank, shape,
 * dtype and memory layout, often a view that is not dense) and an index along one of its
 * dimensions with many duplicates and, often, segments no index points to.
 *
 * @param seed        what made it; every failure message names it
 * @param data        the data, in the layout named by {@code layout}
 * @param dim         the indexed dimension
 * @param index       int32 or int64, values in [0, min(size, length along dim)), sometimes itself a view
 * @param size        the number of segments (for sums and maxima)
 * @param exact       whether the values are small integers, so every order of addition gives the same bits
 * @param layout      how {@code data} sits in memory
 */
record RandomIndexCase(long seed, INDArray data, int dim, INDArray index, int size, boolean exact, String layout) {

    /** A case of moderate size; {@code large} makes one big enough that the kernels split it over threads. */
    static RandomIndexCase of(long seed, boolean large) {
        Rng rng = new Rng(seed);
        DataType dtype = rng.nextInt(2) == 0 ? DataType.FLOAT : DataType.DOUBLE;
        // Large cases: [rows, features] along dim 0 (message passing), or [blocks, rows, features] along dim 1.
        boolean blocks = large && rng.nextInt(3) == 0;
        int rank = large ? (blocks ? 3 : 2) : 1 + rng.nextInt(4);
        int dim = large ? (blocks ? 1 : 0) : rng.nextInt(rank);
        long[] shape = new long[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + rng.nextInt(d == dim ? 60 : 6);
        }
        if (large && blocks) {
            shape[0] = 2 + rng.nextInt(7);
            shape[1] = 1_000 + rng.nextInt(2_000);
            shape[2] = 8 + rng.nextInt(24);
        } else if (large) {
            shape[0] = 3_000 + rng.nextInt(3_000);
            shape[1] = 16 + rng.nextInt(64);
        }
        long n = shape[dim];
        // Mostly far fewer segments than slices (many duplicates); sometimes more (empty segments certain).
        int size = rng.nextInt(4) == 0 ? (int) n + 1 + rng.nextInt(10) : 1 + rng.nextInt((int) Math.max(1, n / 4));
        if (large) {
            // Message passing: ~2-20 edges per node.
            size = (int) n / 20 + rng.nextInt((int) n / 2);
        }
        // Ids below n too, so the same index serves the gathers. Sometimes only every other segment
        // is used, so empty segments sit between full ones.
        int used = (int) Math.min(size, n);
        int stride = rng.nextInt(3) == 0 && used > 1 ? 2 : 1;
        long[] ids = new long[(int) n];
        for (int i = 0; i < n; i++) {
            ids[i] = (long) rng.nextInt((used + stride - 1) / stride) * stride;
        }
        boolean exact = rng.nextInt(2) == 0;
        double[] values = new double[Math.toIntExact(product(shape))];
        for (int i = 0; i < values.length; i++) {
            values[i] = exact ? rng.nextInt(7) - 3 : rng.nextGaussian();
        }
        INDArray dense = Nd4j.create(values, shape, 'c').castTo(dtype);
        String[] layouts = {"dense", "f-order", "strided view", "offset view", "permuted view"};
        String layout = large && rng.nextInt(2) == 0 ? "dense" : layouts[rng.nextInt(layouts.length)];
        INDArray data = withLayout(dense, layout);
        INDArray index = indexArray(ids, rng);
        return new RandomIndexCase(seed, data, dim, index, size, exact, layout);
    }

    /** The same logical values in another memory layout. */
    static INDArray withLayout(INDArray dense, String layout) {
        long[] shape = dense.shape();
        int rank = shape.length;
        switch (layout) {
            case "f-order":
                return dense.dup('f');
            case "strided view": {
                // Every other entry of the last dimension of an array twice as wide.
                long[] wide = shape.clone();
                wide[rank - 1] *= 2;
                INDArray base = Nd4j.create(dense.dataType(), wide).assign(Double.NaN);
                INDArrayIndex[] at = all(rank);
                at[rank - 1] = NDArrayIndex.interval(0, 2, wide[rank - 1]);
                INDArray view = base.get(at);
                view.assign(dense);
                return view;
            }
            case "offset view": {
                // Dense, but starting two rows into a larger array (a buffer with an offset).
                long[] tall = shape.clone();
                tall[0] += 3;
                INDArray base = Nd4j.create(dense.dataType(), tall).assign(Double.NaN);
                INDArrayIndex[] at = all(rank);
                at[0] = NDArrayIndex.interval(2, 2 + shape[0]);
                INDArray view = base.get(at);
                view.assign(dense);
                return view;
            }
            case "permuted view": {
                int[] reverse = new int[rank];
                for (int d = 0; d < rank; d++) {
                    reverse[d] = rank - 1 - d;
                }
                return dense.permute(reverse).dup('c').permute(reverse);
            }
            default:
                return dense;
        }
    }

    /** int32 or int64; sometimes row 1 of a [2, n] array (an offset view) or column 1 of an [n, 2] one (strided). */
    private static INDArray indexArray(long[] ids, Rng rng) {
        DataType type = rng.nextInt(2) == 0 ? DataType.INT : DataType.LONG;
        INDArray flat = Nd4j.createFromArray(ids).castTo(type);
        int n = ids.length;
        switch (rng.nextInt(3)) {
            case 0: {
                INDArray base = Nd4j.create(type, 2, n).assign(-1);
                base.getRow(1).assign(flat);
                return base.getRow(1);
            }
            case 1: {
                INDArray base = Nd4j.create(type, n, 2).assign(-1);
                base.getColumn(1).assign(flat);
                return base.getColumn(1);
            }
            default:
                return flat;
        }
    }

    private static INDArrayIndex[] all(int rank) {
        INDArrayIndex[] at = new INDArrayIndex[rank];
        Arrays.fill(at, NDArrayIndex.all());
        return at;
    }

    private static long product(long[] shape) {
        long p = 1;
        for (long s : shape) {
            p *= s;
        }
        return p;
    }

    @Override
    public String toString() {
        return "seed " + seed + ": " + data.dataType() + " " + Arrays.toString(data.shape()) + " (" + layout + ") dim " + dim
                + " into " + size + ", " + index.dataType() + " index" + (NativeMemory.isDense(index) ? "" : " (strided)")
                + (exact ? ", small integers" : ", gaussian");
    }
}

package org.equivariant4j.backend.nd4j;

import static org.equivariant4j.backend.nd4j.NativeMemory.UNSAFE;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Index select on the CPU: slice {@code k} of the result along {@code dim} is slice {@code index[k]}
 * of the input, the same as ND4J's {@code Gather} op. A pure copy of contiguous rows (see
 * {@link AxisLayout}), so it works for any 4- or 8-byte dtype and is exact. Threads split the
 * output rows into consecutive ranges.
 */
final class RowGatherKernel {
    /** Below about this many bytes copied per part, handing a part to another thread costs more than it saves. */
    static final long MIN_BYTES_PER_PART = 1 << 17;
    /** Parts are contiguous output ranges, so extra ones are free; they help when a thread starts late. */
    private static final int PARTS_PER_THREAD = 4;
    /** Rows at least this long are copied with one {@code copyMemory} call; shorter ones element by element. */
    private static final long BULK_ROW_BYTES = 64;

    private RowGatherKernel() {
    }

    /** Whether this kernel handles these arrays: 4- or 8-byte elements, int32/int64 index, int-sized counts. */
    public static boolean supports(INDArray data, int dim, INDArray index) {
        DataType t = data.dataType();
        DataType i = index.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE || t == DataType.INT || t == DataType.LONG)
                && (i == DataType.INT || i == DataType.LONG) && AxisLayout.fits(data.shape(), dim) && index.length() <= Integer.MAX_VALUE;
    }

    /**
     * The slices {@code index[0], index[1], ...} of {@code data} along {@code dim}, as a new dense
     * array; every index must be in {@code [0, data.size(dim))}.
     */
    public static INDArray gather(INDArray data, int dim, INDArray index, int parallelism) {
        long[] shape = data.shape().clone();
        shape[dim] = index.length();
        if (index.length() == 0 || data.length() == 0) {
            return Nd4j.create(data.dataType(), shape);
        }
        INDArray in = NativeMemory.dense(data);
        AxisLayout layout = AxisLayout.of(in.shape(), dim);
        int[] rows = NativeMemory.indices(index, layout.length(), "index");
        INDArray out = NativeMemory.uninitialized(in, shape);
        int width = in.dataType().width();
        long rowBytes = (long) layout.inner() * width;
        long outRows = layout.outer() * rows.length;
        int parts = KernelThreads.parts(outRows * rowBytes, MIN_BYTES_PER_PART, parallelism, PARTS_PER_THREAD);
        long src = NativeMemory.address(in);
        long dst = NativeMemory.address(out);
        long blockBytes = layout.length() * rowBytes;
        KernelThreads.run(parts, parallelism, p -> {
            long from = outRows * p / parts;
            long to = outRows * (p + 1) / parts;
            copyRows(src, dst, rows, blockBytes, rowBytes, width, from, to);
        });
        NativeMemory.release(in, data);
        return out;
    }

    /** Output rows {@code [from, to)}; output row {@code b * rows.length + k} is input row {@code rows[k]} of block {@code b}. */
    private static void copyRows(long src, long dst, int[] rows, long blockBytes, long rowBytes, int width, long from, long to) {
        long block = from / rows.length;
        int k = (int) (from % rows.length);
        for (long row = from; row < to; row++) {
            long in = src + block * blockBytes + rows[k] * rowBytes;
            long out = dst + row * rowBytes;
            if (rowBytes >= BULK_ROW_BYTES) {
                UNSAFE.copyMemory(in, out, rowBytes);
            } else if (width == Long.BYTES) {
                for (long b = 0; b < rowBytes; b += Long.BYTES) {
                    UNSAFE.putLong(out + b, UNSAFE.getLong(in + b));
                }
            } else {
                for (long b = 0; b < rowBytes; b += Integer.BYTES) {
                    UNSAFE.putInt(out + b, UNSAFE.getInt(in + b));
                }
            }
            if (++k == rows.length) {
                k = 0;
                block++;
            }
        }
    }
}

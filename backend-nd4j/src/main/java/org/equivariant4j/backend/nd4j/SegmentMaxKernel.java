package org.equivariant4j.backend.nd4j;

import static org.equivariant4j.backend.nd4j.NativeMemory.UNSAFE;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Segment maximum of rows (dimension 0) on the CPU, organised like {@link SegmentSumKernel}: each
 * part owns a range of output segments and goes through its rows in row order. It reproduces
 * libnd4j's {@code unsorted_segment_max} exactly, which took 170-600 ms for [20000, 64] into 2000
 * segments: a segment starts from its first row and takes a later value only when it is greater,
 * so a NaN wins only as the first value of its segment; an empty segment holds libnd4j's "lowest
 * value" of the dtype.
 */
final class SegmentMaxKernel {
    /**
     * libnd4j's {@code DataTypeUtils::max<float>()} is the literal {@code 3.402823e+38f}, two ulps below
     * {@link Float#MAX_VALUE}; empty segments hold its negation. For float64 it is {@link Double#MAX_VALUE}.
     */
    static final float EMPTY_FLOAT = -3.402823e38f;
    static final double EMPTY_DOUBLE = -Double.MAX_VALUE;

    private SegmentMaxKernel() {
    }

    /** Whether this kernel handles these arrays: float32/float64 data, int32/int64 ids, int-sized counts. */
    public static boolean supports(INDArray data, INDArray ids) {
        return SegmentSumKernel.supports(data, 0, ids);
    }

    /**
     * The maximum of the rows of {@code data} per segment, as a new dense array with {@code size}
     * rows; {@code ids} has one entry per row, each in {@code [0, size)}.
     */
    public static INDArray maxRows(INDArray data, INDArray ids, int size, int parallelism) {
        long[] shape = data.shape().clone();
        shape[0] = size;
        if (size == 0 || data.length() == 0) {
            // libnd4j rejects empty input; an empty segment list is an empty result either way.
            INDArray out = Nd4j.create(data.dataType(), shape);
            return out.length() == 0 ? out : out.assign(data.dataType() == DataType.DOUBLE ? EMPTY_DOUBLE : EMPTY_FLOAT);
        }
        INDArray in = NativeMemory.dense(data);
        AxisLayout layout = AxisLayout.of(in.shape(), 0);
        if (ids.length() != layout.length()) {
            throw new InvalidArgumentException("ids has " + ids.length() + " entries for " + layout.length() + " rows");
        }
        int[] segmentIds = NativeMemory.indices(ids, size, "segment id");
        INDArray out = NativeMemory.uninitialized(in, shape);
        int parts = KernelThreads.parts((layout.length() + size) * layout.inner(), SegmentSumKernel.MIN_WORK_PER_PART, parallelism, 1);
        SegmentSplit split = SegmentSplit.of(segmentIds, size, parts);
        long src = NativeMemory.address(in);
        long dst = NativeMemory.address(out);
        boolean doubles = in.dataType() == DataType.DOUBLE;
        KernelThreads.run(split.parts(), parallelism, p -> {
            if (doubles) {
                maxDoubles(src, dst, split, p, layout.inner());
            } else {
                maxFloats(src, dst, split, p, layout.inner());
            }
        });
        NativeMemory.release(in, data);
        return out;
    }

    /**
     * The segments of {@code part}: the first row of a segment is copied, later rows (in row order)
     * replace a value only where they are greater; empty segments get {@link #EMPTY_FLOAT}.
     */
    private static void maxFloats(long src, long dst, SegmentSplit split, int part, int inner) {
        long rowBytes = (long) inner * Float.BYTES;
        int first = split.segmentStart(part);
        boolean[] started = new boolean[split.segmentStart(part + 1) - first];
        int[] ids = split.ids;
        for (int k = split.rowStart(part), end = split.rowStart(part + 1); k < end; k++) {
            int row = split.row(k);
            int s = ids[row];
            long in = src + row * rowBytes;
            long out = dst + s * rowBytes;
            if (!started[s - first]) {
                started[s - first] = true;
                UNSAFE.copyMemory(in, out, rowBytes);
                continue;
            }
            for (int j = 0; j < inner; j++) {
                long at = (long) j * Float.BYTES;
                float v = UNSAFE.getFloat(in + at);
                float max = UNSAFE.getFloat(out + at);
                // Not Math.max: it differs from libnd4j for a NaN after the first row and for 0.0 after -0.0.
                UNSAFE.putFloat(out + at, v > max ? v : max);
            }
        }
        for (int s = first; s < first + started.length; s++) {
            if (!started[s - first]) {
                for (long q = dst + s * rowBytes, end = q + rowBytes; q < end; q += Float.BYTES) {
                    UNSAFE.putFloat(q, EMPTY_FLOAT);
                }
            }
        }
    }

    /** {@link #maxFloats} for float64. */
    private static void maxDoubles(long src, long dst, SegmentSplit split, int part, int inner) {
        long rowBytes = (long) inner * Double.BYTES;
        int first = split.segmentStart(part);
        boolean[] started = new boolean[split.segmentStart(part + 1) - first];
        int[] ids = split.ids;
        for (int k = split.rowStart(part), end = split.rowStart(part + 1); k < end; k++) {
            int row = split.row(k);
            int s = ids[row];
            long in = src + row * rowBytes;
            long out = dst + s * rowBytes;
            if (!started[s - first]) {
                started[s - first] = true;
                UNSAFE.copyMemory(in, out, rowBytes);
                continue;
            }
            for (int j = 0; j < inner; j++) {
                long at = (long) j * Double.BYTES;
                double v = UNSAFE.getDouble(in + at);
                double max = UNSAFE.getDouble(out + at);
                UNSAFE.putDouble(out + at, v > max ? v : max);
            }
        }
        for (int s = first; s < first + started.length; s++) {
            if (!started[s - first]) {
                for (long q = dst + s * rowBytes, end = q + rowBytes; q < end; q += Double.BYTES) {
                    UNSAFE.putDouble(q, EMPTY_DOUBLE);
                }
            }
        }
    }
}

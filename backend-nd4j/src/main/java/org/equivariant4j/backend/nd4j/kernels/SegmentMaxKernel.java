package org.equivariant4j.backend.nd4j.kernels;

import static org.equivariant4j.backend.nd4j.kernels.NativeMemory.UNSAFE;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Segment maximum of rows (dimension 0) on the CPU, organised like {@link SegmentSumKernel} (each
 * output segment is computed whole by one thread). It reproduces libnd4j's {@code unsorted_segment_max} exactly,
 * which took 150-350 ms for [20000, 64] into 2000 segments: a segment starts from its first row and
 * takes a later value only when it is greater, so a NaN wins only as the first value of its segment;
 * an empty segment holds libnd4j's "lowest value" of the dtype.
 */
public final class SegmentMaxKernel {
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
            throw new IllegalArgumentException("ids has " + ids.length() + " entries for " + layout.length() + " rows");
        }
        Segments segments = Segments.of(ids, size);
        INDArray out = NativeMemory.uninitialized(in, shape);
        long work = (layout.length() + size) * layout.inner();
        int parts = KernelThreads.parts(work, SegmentSumKernel.MIN_WORK_PER_PART, parallelism);
        long[] bounds = segments.partition(1, parts);
        long src = NativeMemory.address(in);
        long dst = NativeMemory.address(out);
        boolean doubles = in.dataType() == DataType.DOUBLE;
        KernelThreads.run(parts, parallelism, p -> {
            if (doubles) {
                maxDoubles(src, dst, segments, layout.inner(), (int) bounds[p], (int) bounds[p + 1]);
            } else {
                maxFloats(src, dst, segments, layout.inner(), (int) bounds[p], (int) bounds[p + 1]);
            }
        });
        NativeMemory.release(in, data);
        return out;
    }

    private static void maxFloats(long src, long dst, Segments segments, int inner, int from, int to) {
        long rowBytes = (long) inner * Float.BYTES;
        float[] acc = new float[inner];
        for (int s = from; s < to; s++) {
            int start = segments.offsets[s];
            int end = segments.offsets[s + 1];
            if (start == end) {
                Arrays.fill(acc, EMPTY_FLOAT);
            } else {
                long first = src + segments.order[start] * rowBytes;
                for (int j = 0; j < inner; j++) {
                    acc[j] = UNSAFE.getFloat(first + (long) j * Float.BYTES);
                }
                for (int k = start + 1; k < end; k++) {
                    long in = src + segments.order[k] * rowBytes;
                    for (int j = 0; j < inner; j++) {
                        float v = UNSAFE.getFloat(in + (long) j * Float.BYTES);
                        acc[j] = v > acc[j] ? v : acc[j];
                    }
                }
            }
            long out = dst + s * rowBytes;
            for (int j = 0; j < inner; j++) {
                UNSAFE.putFloat(out + (long) j * Float.BYTES, acc[j]);
            }
        }
    }

    /** {@link #maxFloats} for float64. */
    private static void maxDoubles(long src, long dst, Segments segments, int inner, int from, int to) {
        long rowBytes = (long) inner * Double.BYTES;
        double[] acc = new double[inner];
        for (int s = from; s < to; s++) {
            int start = segments.offsets[s];
            int end = segments.offsets[s + 1];
            if (start == end) {
                Arrays.fill(acc, EMPTY_DOUBLE);
            } else {
                long first = src + segments.order[start] * rowBytes;
                for (int j = 0; j < inner; j++) {
                    acc[j] = UNSAFE.getDouble(first + (long) j * Double.BYTES);
                }
                for (int k = start + 1; k < end; k++) {
                    long in = src + segments.order[k] * rowBytes;
                    for (int j = 0; j < inner; j++) {
                        double v = UNSAFE.getDouble(in + (long) j * Double.BYTES);
                        acc[j] = v > acc[j] ? v : acc[j];
                    }
                }
            }
            long out = dst + s * rowBytes;
            for (int j = 0; j < inner; j++) {
                UNSAFE.putDouble(out + (long) j * Double.BYTES, acc[j]);
            }
        }
    }
}

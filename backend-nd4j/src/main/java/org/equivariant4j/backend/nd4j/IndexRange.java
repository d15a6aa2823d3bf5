package org.equivariant4j.backend.nd4j;

import static org.equivariant4j.backend.nd4j.NativeMemory.UNSAFE;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The smallest and largest entry of an integer index array, and where each first occurs (flat,
 * row-major), in one pass on the calling thread: what index validation needs before every
 * gather or scatter. ND4J's {@code minNumber()}/{@code maxNumber()} on a 20000-entry int64 vector
 * took 4-8 ms each on a loaded 2-core machine (a reduction op with its set-up and thread
 * hand-off); this scan takes microseconds.
 *
 * @param min         the smallest entry
 * @param minPosition the flat position of its first occurrence
 * @param max         the largest entry
 * @param maxPosition the flat position of its first occurrence
 */
record IndexRange(long min, long minPosition, long max, long maxPosition) {

    /** Whether {@link #of} handles this array: int32 or int64, not empty. */
    public static boolean supports(INDArray index) {
        DataType t = index.dataType();
        return (t == DataType.INT || t == DataType.LONG) && index.length() > 0;
    }

    /** The range of a non-empty int32 or int64 array of any shape and layout. */
    public static IndexRange of(INDArray indexArray) {
        INDArray index = NativeMemory.dense(indexArray);
        long n = index.length();
        long base = NativeMemory.address(index);
        boolean wide = index.dataType().width() == Long.BYTES;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long minAt = -1;
        long maxAt = -1;
        for (long i = 0; i < n; i++) {
            long v = wide ? UNSAFE.getLong(base + i * Long.BYTES) : UNSAFE.getInt(base + i * Integer.BYTES);
            if (v < min) {
                min = v;
                minAt = i;
            }
            if (v > max) {
                max = v;
                maxAt = i;
            }
        }
        NativeMemory.release(index, indexArray);
        return new IndexRange(min, minAt, max, maxAt);
    }
}

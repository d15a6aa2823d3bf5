package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Validation of integer index tensors for the indexing and segment ops. On a bad index ND4J's
 * {@code gather} silently reads past the array (a too-large index returned garbage in a probe)
 * and the other kernels fail with a bare {@code RuntimeException}, so every index is checked here
 * first, with a message that names the op, the offending value, where it sits and the valid range.
 */
final class IndexChecks {

    private IndexChecks() {
    }

    /** INT32 or INT64, or a {@link DTypeMismatchException}. */
    static void requireInteger(String op, String what, Nd4jTensor index) {
        DataType t = index.value().dataType();
        if (t != DataType.INT && t != DataType.LONG) {
            throw new DTypeMismatchException(op + ": " + what + " must be INT32 or INT64, was " + index.dtype());
        }
    }

    static void requireRank(String op, String what, Nd4jTensor t, int rank) {
        if (t.rank() != rank) {
            throw new ShapeMismatchException(op + ": " + what + " must have rank " + rank + ", but has shape "
                    + Arrays.toString(t.shape()));
        }
    }

    /** Every entry of {@code index} in [0, bound); {@code range} says what the bound is, e.g. "dimension 0 of [4, 3]". */
    static void requireInRange(String op, String what, Nd4jTensor index, long bound, String range) {
        INDArray values = index.value();
        if (values.length() == 0) {
            return;
        }
        long bad;
        long position;
        if (KernelSelection.useKernels() && IndexRange.supports(values)) {
            // One scan in Java: ND4J's two reductions cost milliseconds per call (IndexRange).
            IndexRange r = IndexRange.of(values);
            if (r.min() >= 0 && r.max() < bound) {
                return;
            }
            bad = r.min() < 0 ? r.min() : r.max();
            position = r.min() < 0 ? r.minPosition() : r.maxPosition();
        } else {
            INDArray flat = values.reshape(values.length());
            long min = flat.minNumber().longValue();
            long max = flat.maxNumber().longValue();
            if (min >= 0 && max < bound) {
                return;
            }
            bad = min < 0 ? min : max;
            // Locating the culprit costs two more reductions, paid only on the error path.
            position = (min < 0 ? Nd4j.argMin(flat, 0) : Nd4j.argMax(flat, 0)).getLong(0);
        }
        throw new ShapeMismatchException(op + ": " + what + " value " + bad + " at " + position(index.shape(), position)
                + " is out of range [0, " + bound + ") for " + range);
    }

    /** "position 3" for a vector, "position [1, 2]" for a higher-rank index. */
    private static String position(int[] shape, long flat) {
        if (shape.length <= 1) {
            return "position " + flat;
        }
        long[] coords = new long[shape.length];
        long rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            coords[d] = rest % shape[d];
            rest /= shape[d];
        }
        return "position " + Arrays.toString(coords);
    }
}

package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Comparison of two arrays that reports the number of differences and the first, not a dump. */
final class Values {

    private Values() {
    }

    /**
     * Same shape and dtype, and the same values: bit for bit when {@code exact} (so -0.0 differs
     * from 0.0 and NaN equals NaN), otherwise within 1e-5 (float32) or 1e-12 (float64) relative.
     */
    static void assertClose(String what, INDArray expected, INDArray actual, boolean exact) {
        if (!Arrays.equals(expected.shape(), actual.shape()) || expected.dataType() != actual.dataType()) {
            throw new AssertionError(what + ": expected " + expected.dataType() + " " + Arrays.toString(expected.shape()) + " but was "
                    + actual.dataType() + " " + Arrays.toString(actual.shape()));
        }
        double[] e = flat(expected);
        double[] a = flat(actual);
        double tolerance = expected.dataType() == DataType.DOUBLE ? 1e-12 : 1e-5;
        int wrong = 0;
        int first = -1;
        for (int i = 0; i < e.length; i++) {
            boolean same = exact ? Double.doubleToLongBits(e[i]) == Double.doubleToLongBits(a[i])
                    : Math.abs(e[i] - a[i]) <= tolerance * (1 + Math.abs(e[i])) || Double.compare(e[i], a[i]) == 0;
            if (!same) {
                wrong++;
                first = first < 0 ? i : first;
            }
        }
        if (wrong > 0) {
            throw new AssertionError(what + ": " + wrong + " of " + e.length + " entries differ" + (exact ? " (bitwise)" : "")
                    + "; first at flat index " + first + ": expected " + e[first] + " but was " + a[first]);
        }
    }

    /** The values in row-major order as doubles (exact for float32, int32 and the small int64s used here). */
    private static double[] flat(INDArray a) {
        if (a.length() == 0) {
            return new double[0];
        }
        return a.dup('c').castTo(DataType.DOUBLE).reshape(a.length()).toDoubleVector();
    }
}

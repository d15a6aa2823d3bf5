package org.equivariant4j.equivariance;

import java.util.Arrays;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;

/** Collects |actual - expected| for one group element over several inputs and keeps the worst entry. */
final class ErrorAccumulator {
    private final GroupElement element;
    private double max = -1;
    private double sum;
    private long count;
    private double scale;
    private int worstInput;
    private long worstFlat;
    private int[] worstShape = new int[0];
    private double worstExpected;
    private double worstActual;
    private double domainError;
    private double domainScale;

    ErrorAccumulator(GroupElement element) {
        this.element = element;
    }

    /** Adds the comparison of one input's fields (both float64, same type and shape). */
    void add(int input, GeometricTensor actual, GeometricTensor expected, boolean comparePositions) {
        int[] shape = expected.tensor().shape();
        if (!Arrays.equals(actual.tensor().shape(), shape)) {
            throw new IllegalStateException("g = " + element + ", input " + input + ": the two sides have shapes "
                    + Arrays.toString(actual.tensor().shape()) + " and " + Arrays.toString(shape)
                    + "; an equivariant layer's output shape cannot depend on the input's orientation");
        }
        double[] a = actual.tensor().toDoubleArray();
        double[] e = expected.tensor().toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs(a[i] - e[i]);
            if (Double.isNaN(d)) {
                d = Double.POSITIVE_INFINITY; // a NaN must fail every tolerance and win the max
            }
            sum += d;
            if (d > max) {
                max = d;
                worstInput = input;
                worstFlat = i;
                worstShape = shape;
                worstExpected = e[i];
                worstActual = a[i];
            }
            scale = Math.max(scale, Math.abs(e[i]));
        }
        count += e.length;
        if (comparePositions && expected.positions() != null && actual.positions() != null) {
            double[] pa = actual.positions().toDoubleArray();
            double[] pe = expected.positions().toDoubleArray();
            for (int i = 0; i < pe.length; i++) {
                double d = Math.abs(pa[i] - pe[i]);
                domainError = Math.max(domainError, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
                domainScale = Math.max(domainScale, Math.abs(pe[i]));
            }
        }
    }

    ElementError result() {
        if (count == 0) {
            throw new IllegalStateException("no entries compared for g = " + element + " (empty inputs or outputs)");
        }
        return new ElementError(element, max, sum / count, scale, worstInput, worstFlat, unravel(worstFlat, worstShape),
                worstExpected, worstActual, domainError, domainScale);
    }

    /** Row-major multi-index of {@code flat} in {@code shape}. */
    static int[] unravel(long flat, int[] shape) {
        int[] index = new int[shape.length];
        long rest = flat;
        for (int k = shape.length - 1; k >= 0; k--) {
            index[k] = (int) (rest % shape[k]);
            rest /= shape[k];
        }
        return index;
    }
}

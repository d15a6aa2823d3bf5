package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.equivariance.Tolerance;

/**
 * The largest absolute difference between two tensors of one shape and the largest magnitude of the expected one,
 * judged by a {@link Tolerance} (absolute + relative · |expected|∞), as the equivariance kit judges its reports.
 */
public record Discrepancy(double error, double scale) {

    public static Discrepancy of(Tensor actual, Tensor expected) {
        double[] a = actual.toDoubleArray();
        double[] e = expected.toDoubleArray();
        if (a.length != e.length) {
            throw new AssertionError("different sizes " + a.length + " and " + e.length);
        }
        double error = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - e[i]);
            error = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(error, d);
            scale = Math.max(scale, Math.abs(e[i]));
        }
        return new Discrepancy(error, scale);
    }

    /** The larger error of two measurements (and the larger scale). */
    public Discrepancy worst(Discrepancy other) {
        return new Discrepancy(Math.max(error, other.error), Math.max(scale, other.scale));
    }

    public boolean within(Tolerance tolerance) {
        return tolerance.accepts(error, scale);
    }

    public String describe(Tolerance tolerance) {
        return "max error " + error + " against bound " + tolerance.bound(scale) + " = " + tolerance;
    }
}

package org.equivariant4j.benchmarks;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Refuses to time two different computations: a benchmark's setup compares the framework's result
 * with its raw baseline's before anything is measured (layouts and argument lists are easy to get
 * subtly wrong).
 */
public final class BaselineCheck {

    private BaselineCheck() {
    }

    /** Throws unless {@code ours} matches {@code raw} to within {@code relTol} of raw's largest magnitude (at least 1). */
    public static void requireClose(String what, INDArray ours, INDArray raw, double relTol) {
        double scale = Math.max(1.0, raw.amaxNumber().doubleValue());
        double diff = ours.castTo(raw.dataType()).reshape(raw.shape()).sub(raw).amaxNumber().doubleValue();
        if (!(diff <= relTol * scale)) {
            throw new IllegalStateException(what + " differs from the raw ND4J baseline by " + diff + " (scale " + scale + ")");
        }
    }
}

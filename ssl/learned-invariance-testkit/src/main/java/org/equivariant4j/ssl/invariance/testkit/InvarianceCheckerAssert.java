package org.equivariant4j.ssl.invariance.testkit;

import org.assertj.core.api.AbstractAssert;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.ssl.invariance.InvarianceChecker;
import org.equivariant4j.ssl.invariance.InvarianceReport;
import org.equivariant4j.ssl.invariance.InvarianceTolerance;

/** AssertJ assertions that measure with an {@link InvarianceChecker} and judge the {@link InvarianceReport}. */
public final class InvarianceCheckerAssert extends AbstractAssert<InvarianceCheckerAssert, InvarianceChecker> {

    InvarianceCheckerAssert(InvarianceChecker actual) {
        super(actual, InvarianceCheckerAssert.class);
    }

    /**
     * Invariant on {@code inputs} under every element, within {@link InvarianceTolerance#defaultFor the tolerance of the
     * inputs' dtype}: what a model invariant by construction reaches.
     */
    public InvarianceReportAssert isInvariantOn(Tensor inputs) {
        return isInvariantOn(inputs, InvarianceTolerance.defaultFor(inputs.dtype()));
    }

    /** Invariant on {@code inputs} under every element within {@code tolerance} (e.g. a learned, approximate invariance). */
    public InvarianceReportAssert isInvariantOn(Tensor inputs, InvarianceTolerance tolerance) {
        return measuredOn(inputs).isWithin(tolerance);
    }

    /** The report measured on {@code inputs}, for further assertions. */
    public InvarianceReportAssert measuredOn(Tensor inputs) {
        isNotNull();
        return new InvarianceReportAssert(actual.measure(inputs));
    }
}

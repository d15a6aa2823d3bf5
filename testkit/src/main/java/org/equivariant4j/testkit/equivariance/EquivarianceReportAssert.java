package org.equivariant4j.testkit.equivariance;

import java.util.List;

import org.assertj.core.api.AbstractAssert;
import org.equivariant4j.equivariance.ElementError;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.equivariance.Tolerance;

/**
 * AssertJ assertions on an {@link EquivarianceReport}: every group element within a {@link Tolerance}.
 * A failure names the worst failing element, the bound, the error, the index of the worst entry, the
 * expected and actual values there, the dtype, the seed and any declared reason, as
 * {@code expected f(g·x) = g·f(x) for g = … within … but was max |error| … at input 0 index [...]}.
 */
public final class EquivarianceReportAssert extends AbstractAssert<EquivarianceReportAssert, EquivarianceReport> {

    EquivarianceReportAssert(EquivarianceReport actual) {
        super(actual, EquivarianceReportAssert.class);
    }

    /** Every element within {@code tolerance}. */
    public EquivarianceReportAssert within(Tolerance tolerance) {
        isNotNull();
        List<ElementError> failed = actual.failures(tolerance);
        if (!failed.isEmpty()) {
            ElementError worst = failed.stream().max((a, b) -> Double.compare(a.maxAbsolute() - tolerance.bound(a.scale()),
                    b.maxAbsolute() - tolerance.bound(b.scale()))).orElseThrow();
            String others = failed.size() == 1 ? "" : "; " + failed.size() + " of " + actual.errors().size()
                    + " elements fail: " + failed.stream().map(e -> e.element().toString()).toList();
            throw failure("%s%s", actual.describeFailure(worst, tolerance), others);
        }
        return this;
    }

    /** Every element within {@code absolute + relative * max |expected|}. */
    public EquivarianceReportAssert within(double absolute, double relative) {
        return within(Tolerance.of(absolute, relative));
    }

    /** Every element within the report's {@linkplain EquivarianceReport#defaultTolerance() default tolerance}. */
    public EquivarianceReportAssert withinDefaultTolerance() {
        isNotNull();
        return within(actual.defaultTolerance());
    }

    /** The report under assertion, to inspect errors further. */
    public EquivarianceReport report() {
        return actual;
    }
}

package org.equivariant4j.ssl.invariance.testkit;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.assertj.core.api.AbstractAssert;
import org.equivariant4j.ssl.invariance.ElementInvariance;
import org.equivariant4j.ssl.invariance.InvarianceReport;
import org.equivariant4j.ssl.invariance.InvarianceTolerance;

/**
 * AssertJ assertions on an {@link InvarianceReport}: every group element within an {@link InvarianceTolerance}, or a
 * summary metric within a bound. A failure says which element, which metric, the bound and the measured value, and
 * the context (model, action, dtype, number of inputs), as {@code expected f(g·x) ≈ f(x) for g = … within … but was …}.
 */
public final class InvarianceReportAssert extends AbstractAssert<InvarianceReportAssert, InvarianceReport> {

    InvarianceReportAssert(InvarianceReport actual) {
        super(actual, InvarianceReportAssert.class);
    }

    /** Every element within {@code tolerance}. */
    public InvarianceReportAssert isWithin(InvarianceTolerance tolerance) {
        isNotNull();
        List<ElementInvariance> failed = actual.failures(tolerance);
        if (!failed.isEmpty()) {
            ElementInvariance worst = failed.stream()
                    .max((a, b) -> Double.compare(a.logitDistance(), b.logitDistance())).orElseThrow();
            String others = failed.size() == 1 ? "" : "; " + failed.size() + " of " + actual.elements().size()
                    + " elements fail: " + failed.stream().map(e -> e.element().toString()).toList();
            throw failure("%s%s", actual.describeFailure(worst, tolerance), others);
        }
        return this;
    }

    /** Every element within the default tolerance of the report's dtype. */
    public InvarianceReportAssert isWithinDefaultTolerance() {
        isNotNull();
        return isWithin(InvarianceTolerance.defaultFor(actual.dtype()));
    }

    /** {@link InvarianceReport#meanJs()} at most {@code bound}. */
    public InvarianceReportAssert hasMeanJsAtMost(double bound) {
        return summaryAtMost("mean JS divergence", InvarianceReport::meanJs, bound);
    }

    /** {@link InvarianceReport#meanLogitDistance()} at most {@code bound}. */
    public InvarianceReportAssert hasMeanLogitDistanceAtMost(double bound) {
        return summaryAtMost("mean logit distance", InvarianceReport::meanLogitDistance, bound);
    }

    /** {@link InvarianceReport#meanSaliencySimilarity()} at least {@code bound}. */
    public InvarianceReportAssert hasMeanSaliencySimilarityAtLeast(double bound) {
        isNotNull();
        double value = actual.meanSaliencySimilarity();
        if (!(value >= bound)) {
            throw failure("expected mean saliency similarity >= %s but was %s [%s]", fmt(bound), fmt(value), actual.context());
        }
        return this;
    }

    /** The fraction of inputs whose predicted class survives every non-identity move at least {@code bound}. */
    public InvarianceReportAssert hasMeanAgreementAtLeast(double bound) {
        isNotNull();
        double value = actual.meanAgreement();
        if (!(value >= bound)) {
            throw failure("expected mean orbit agreement >= %s but was %s [%s]", fmt(bound), fmt(value), actual.context());
        }
        return this;
    }

    private InvarianceReportAssert summaryAtMost(String what, ToDoubleFunction<InvarianceReport> metric, double bound) {
        isNotNull();
        double value = metric.applyAsDouble(actual);
        if (!(value <= bound)) {
            throw failure("expected %s <= %s but was %s [%s]", what, fmt(bound), fmt(value), actual.context());
        }
        return this;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** The report under assertion. */
    public InvarianceReport report() {
        return actual;
    }
}

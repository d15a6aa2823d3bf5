package org.equivariant4j.testkit.group;

import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a float64 quantity (a character, an inner product of characters, a distance). */
public final class ScalarAssert extends AbstractAssert<ScalarAssert, Double> {

    ScalarAssert(double actual) {
        super(actual, ScalarAssert.class);
    }

    /** Within {@code tolerance} of {@code expected} (NaN never is). */
    public ScalarAssert isCloseTo(double expected, double tolerance) {
        if (!(Math.abs(actual - expected) <= tolerance)) {
            throw failureWithActualExpected(actual, expected, "expected %s but was %s (|difference| %s; tolerance %s)",
                    expected, actual, Math.abs(actual - expected), tolerance);
        }
        return this;
    }

    /** Within {@code tolerance} of a non-negative integer. */
    public ScalarAssert isNonNegativeInteger(double tolerance) {
        double r = Math.rint(actual);
        if (!(Math.abs(actual - r) <= tolerance) || r < 0) {
            throw failure("expected a non-negative integer but was %s (tolerance %s)", actual, tolerance);
        }
        return this;
    }

    /** At most {@code bound}. */
    public ScalarAssert isAtMost(double bound) {
        if (!(actual <= bound)) {
            throw failure("expected at most %s but was %s", bound, actual);
        }
        return this;
    }

    /** At least {@code bound}. */
    public ScalarAssert isAtLeast(double bound) {
        if (!(actual >= bound)) {
            throw failure("expected at least %s but was %s", bound, actual);
        }
        return this;
    }
}

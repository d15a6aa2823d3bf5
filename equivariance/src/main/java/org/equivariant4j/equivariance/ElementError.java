package org.equivariant4j.equivariance;

import java.util.Arrays;

import org.equivariant4j.core.group.GroupElement;

/**
 * The measured error of one group element over all inputs: with {@code actual = f(g·x)} and
 * {@code expected = g·f(x)} (or what the {@link Statement} compares), the max and mean of
 * {@code |actual - expected|} over every entry of every input, the same divided by {@link #scale()},
 * and where the max occurs.
 *
 * @param element        the group element g
 * @param maxAbsolute    max over entries of |actual - expected| (+∞ if any entry is NaN)
 * @param meanAbsolute   mean over entries of |actual - expected|
 * @param scale          max over entries of |expected|: the output magnitude relative errors refer to
 * @param worstInput     which input (0-based) holds the worst entry
 * @param worstFlatIndex row-major index of the worst entry in that input's output tensor
 * @param worstIndex     the same as a multi-index into the output's shape
 * @param expected       expected value at the worst entry
 * @param actual         actual value at the worst entry
 * @param domainError    on point domains, max |positions of f(g·x) - positions of g·f(x)|; else 0
 * @param domainScale    on point domains, max |positions of g·f(x)|, the scale of {@code domainError}; else 0
 */
public record ElementError(GroupElement element, double maxAbsolute, double meanAbsolute, double scale, int worstInput,
        long worstFlatIndex, int[] worstIndex, double expected, double actual, double domainError, double domainScale) {

    public ElementError {
        worstIndex = worstIndex.clone();
    }

    /** {@code maxAbsolute / scale} (0 when both are 0, +∞ when only the scale is). */
    public double maxRelative() {
        return relative(maxAbsolute);
    }

    /** {@code meanAbsolute / scale}. */
    public double meanRelative() {
        return relative(meanAbsolute);
    }

    private double relative(double error) {
        if (error == 0) {
            return 0;
        }
        return scale == 0 ? Double.POSITIVE_INFINITY : error / scale;
    }

    @Override
    public int[] worstIndex() {
        return worstIndex.clone();
    }

    /** Whether {@code tolerance} accepts both the feature error and (on point domains) the position error. */
    public boolean passes(Tolerance tolerance) {
        return tolerance.accepts(maxAbsolute, scale) && tolerance.accepts(domainError, domainScale);
    }

    /** One line: element, errors and the worst entry. */
    public String describe() {
        return "g = " + element + ": max |error| " + maxAbsolute + " (relative " + maxRelative() + "), mean " + meanAbsolute
                + ", at input " + worstInput + " index " + Arrays.toString(worstIndex) + " (flat " + worstFlatIndex
                + "): expected " + expected + " but was " + actual + (domainError > 0 ? ", positions off by " + domainError : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElementError e && element.equals(e.element) && Double.compare(maxAbsolute, e.maxAbsolute) == 0
                && Double.compare(meanAbsolute, e.meanAbsolute) == 0 && Double.compare(scale, e.scale) == 0
                && worstInput == e.worstInput && worstFlatIndex == e.worstFlatIndex && Arrays.equals(worstIndex, e.worstIndex)
                && Double.compare(expected, e.expected) == 0 && Double.compare(actual, e.actual) == 0
                && Double.compare(domainError, e.domainError) == 0 && Double.compare(domainScale, e.domainScale) == 0;
    }

    @Override
    public int hashCode() {
        return element.hashCode() * 31 + Long.hashCode(worstFlatIndex) * 17 + Double.hashCode(maxAbsolute);
    }

    @Override
    public String toString() {
        return describe();
    }
}

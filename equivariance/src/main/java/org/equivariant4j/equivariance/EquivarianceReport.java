package org.equivariant4j.equivariance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.tensor.DType;

/**
 * What an {@link EquivarianceChecker} measured: for each group element, the error of one
 * {@link Statement} (e.g. {@code f(g·x) = g·f(x)}) over all inputs, with the layer evaluated in
 * {@link #dtype()} and the group action computed in float64. A report is a measurement, not a
 * verdict: apply a {@link Tolerance} with {@link #failures(Tolerance)}, or assert with the testkit's
 * {@code EquivarianceAssertions} (JUnit and AssertJ live there, not here).
 *
 * @param subject       the layer or function measured (its {@code toString()})
 * @param statement     the identity measured
 * @param dtype         dtype the layer ran in
 * @param seed          seed of the random inputs, when they were generated from one
 * @param approximation the layer's declared approximation (its reason is shown in every description)
 * @param errors        one entry per group element, in the order given
 */
public record EquivarianceReport(String subject, Statement statement, DType dtype, OptionalLong seed,
        Optional<ApproximateEquivariance> approximation, List<ElementError> errors) {

    public EquivarianceReport {
        errors = List.copyOf(errors);
    }

    /** The tolerance the subject is held to by default: see {@link Tolerance#forLayer}. */
    public Tolerance defaultTolerance() {
        return Tolerance.forLayer(dtype, approximation);
    }

    /** The element with the largest absolute error, if any element was measured. */
    public Optional<ElementError> worst() {
        return errors.stream().max(Comparator.comparingDouble(ElementError::maxAbsolute));
    }

    /** The error measured for {@code g}. */
    public Optional<ElementError> errorOf(GroupElement g) {
        return errors.stream().filter(e -> e.element().equals(g)).findFirst();
    }

    /** The elements whose error {@code tolerance} does not accept, in measurement order. */
    public List<ElementError> failures(Tolerance tolerance) {
        return errors.stream().filter(e -> !e.passes(tolerance)).toList();
    }

    /** Whether every element passes {@code tolerance}. */
    public boolean passes(Tolerance tolerance) {
        return failures(tolerance).isEmpty();
    }

    /** What was measured, in which dtype, from which seed, and the declared approximation, e.g. for failure messages. */
    public String context() {
        return statement.formula() + " for " + subject + " in " + dtype
                + (seed.isPresent() ? ", seed " + seed.getAsLong() : ", inputs given (no seed)")
                + approximation.map(a -> ", declared approximate (" + a.absolute() + " + " + a.relative() + "·|expected|∞): "
                        + a.reason()).orElse("");
    }

    /**
     * The "expected … but was …" message for one failing element: the element, the bound, the error and
     * where it is worst, and the context (subject, dtype, seed, declared reason).
     */
    public String describeFailure(ElementError e, Tolerance tolerance) {
        String position = e.domainError() > tolerance.bound(e.domainScale())
                ? "; output positions off by " + e.domainError() + " (bound " + tolerance.bound(e.domainScale()) + ")" : "";
        return "expected " + statement.formula() + " for g = " + e.element() + " within " + tolerance + " = "
                + tolerance.bound(e.scale()) + " but was max |error| " + e.maxAbsolute() + " (relative " + e.maxRelative()
                + ", mean " + e.meanAbsolute() + ") at input " + e.worstInput() + " index "
                + Arrays.toString(e.worstIndex()) + " (flat " + e.worstFlatIndex() + "): expected " + e.expected()
                + " but was " + e.actual() + position + " [" + context() + "]";
    }

    /** A table of every element's errors, one line each, under the context line. */
    public String describe() {
        StringBuilder sb = new StringBuilder(context());
        for (ElementError e : errors) {
            sb.append("\n  ").append(e.describe());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "EquivarianceReport[" + context() + ", " + errors.size() + " elements, worst "
                + worst().map(e -> e.maxAbsolute() + " at g = " + e.element()).orElse("none") + "]";
    }
}

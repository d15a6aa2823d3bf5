package org.equivariant4j.equivariance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What {@link PermutationEquivariance} measured: per permutation, the largest absolute error and the
 * largest expected magnitude. {@link #assertWithin} applies a {@link Tolerance} as the group checks do:
 * {@code max |error| <= absolute + relative * max |expected|}.
 */
public record PermutationReport(String subject, boolean equivariance, List<Entry> entries) {

    public PermutationReport {
        entries = List.copyOf(entries);
    }

    /** One permutation's errors. */
    public record Entry(int[] permutation, double maxAbsoluteError, double maxExpected) {

        boolean passes(Tolerance t) {
            return maxAbsoluteError <= t.absolute() + t.relative() * maxExpected; // false for NaN
        }
    }

    /** The largest error over all permutations (NaN if any output was NaN). */
    public double maxAbsoluteError() {
        return entries.stream().mapToDouble(Entry::maxAbsoluteError).reduce(0, (a, b) -> Double.isNaN(a) || Double.isNaN(b)
                ? Double.NaN : Math.max(a, b));
    }

    /** Whether every permutation passes {@code tolerance}. */
    public boolean passes(Tolerance tolerance) {
        return entries.stream().allMatch(e -> e.passes(tolerance));
    }

    /** Throws an {@link AssertionError} naming the worst permutation unless every permutation passes. */
    public PermutationReport assertWithin(Tolerance tolerance) {
        if (!passes(tolerance)) {
            Entry worst = entries.stream().filter(e -> !e.passes(tolerance))
                    .max(Comparator.comparingDouble(e -> Double.isNaN(e.maxAbsoluteError()) ? Double.MAX_VALUE
                            : e.maxAbsoluteError())).orElseThrow();
            throw new AssertionError(subject + " is not " + (equivariance ? "equivariant" : "invariant")
                    + " under node permutations: for " + Arrays.toString(worst.permutation()) + " the largest error is "
                    + worst.maxAbsoluteError() + " > " + tolerance.absolute() + " + " + tolerance.relative() + " * "
                    + worst.maxExpected() + " (" + tolerance.origin() + "); " + entries.size() + " permutations measured");
        }
        return this;
    }

    @Override
    public String toString() {
        return "PermutationReport(" + subject + ", " + entries.size() + " permutations, max error " + maxAbsoluteError() + ")";
    }
}

package org.equivariant4j.testkit.group;

import org.assertj.core.api.AbstractAssert;
import org.equivariant4j.core.group.Matrix;

/**
 * AssertJ assertions on a {@link Matrix}: closeness with the worst entry reported, orthogonality,
 * permutation. Failures read {@code expected … but was …}, after the description given with {@code as()},
 * which the contract tests use for the axiom, the elements and the seed.
 */
public final class MatrixAssert extends AbstractAssert<MatrixAssert, Matrix> {

    MatrixAssert(Matrix actual) {
        super(actual, MatrixAssert.class);
    }

    /** Same shape, every entry within {@code tolerance} of {@code expected}'s. */
    public MatrixAssert isCloseTo(Matrix expected, double tolerance) {
        isNotNull();
        if (actual.rows() != expected.rows() || actual.columns() != expected.columns()) {
            throw failureWithActualExpected(actual, expected, "expected a %s matrix %s but was a %s matrix %s",
                    expected.shape(), expected, actual.shape(), actual);
        }
        double worst = -1;
        int wi = 0;
        int wj = 0;
        for (int i = 0; i < actual.rows(); i++) {
            for (int j = 0; j < actual.columns(); j++) {
                double d = Math.abs(actual.get(i, j) - expected.get(i, j));
                if (Double.isNaN(d)) {
                    d = Double.POSITIVE_INFINITY;
                }
                if (d > worst) {
                    worst = d;
                    wi = i;
                    wj = j;
                }
            }
        }
        if (worst > tolerance) {
            throw failureWithActualExpected(actual, expected,
                    "expected %s but was %s (max |difference| %s at (%d, %d): expected %s but was %s; tolerance %s)",
                    expected, actual, worst, wi, wj, expected.get(wi, wj), actual.get(wi, wj), tolerance);
        }
        return this;
    }

    /** An n x n matrix. */
    public MatrixAssert hasShape(int rows, int columns) {
        isNotNull();
        if (actual.rows() != rows || actual.columns() != columns) {
            throw failure("expected a %dx%d matrix but was %s: %s", rows, columns, actual.shape(), actual);
        }
        return this;
    }

    /** Every entry finite. */
    public MatrixAssert isFinite() {
        isNotNull();
        for (int i = 0; i < actual.rows(); i++) {
            for (int j = 0; j < actual.columns(); j++) {
                if (!Double.isFinite(actual.get(i, j))) {
                    throw failure("expected finite entries but was %s at (%d, %d) in %s", actual.get(i, j), i, j, actual);
                }
            }
        }
        return this;
    }

    /** Mᵀ M = I within {@code tolerance}. */
    public MatrixAssert isOrthogonal(double tolerance) {
        isNotNull();
        if (!actual.isSquare()) {
            throw failure("expected an orthogonal (square) matrix but was %s: %s", actual.shape(), actual);
        }
        Matrix gram = actual.transpose().multiply(actual);
        double err = gram.maxAbsDifference(Matrix.identity(actual.rows()));
        if (!(err <= tolerance)) {
            throw failure("expected an orthogonal matrix (MᵀM = I) but was %s with MᵀM = %s (max |MᵀM - I| %s;"
                    + " tolerance %s)", actual, gram, err, tolerance);
        }
        return this;
    }

    /** Entries 0 or 1 (within {@code tolerance}), one 1 per row and column. */
    public MatrixAssert isPermutation(double tolerance) {
        isNotNull();
        if (!actual.isPermutation(tolerance)) {
            throw failure("expected a permutation matrix but was %s (tolerance %s)", actual, tolerance);
        }
        return this;
    }
}

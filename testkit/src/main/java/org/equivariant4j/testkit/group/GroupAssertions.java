package org.equivariant4j.testkit.group;

import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.group.Matrix;

/**
 * Entry point for the group assertions, used like AssertJ's {@code Assertions}:
 * {@code GroupAssertions.assertThat(rho.matrix(g)).as("ρ(g) (seed %d)", seed).isOrthogonal(1e-9)}.
 */
public final class GroupAssertions {
    private GroupAssertions() {
    }

    public static MatrixAssert assertThat(Matrix actual) {
        return new MatrixAssert(actual);
    }

    public static GroupElementAssert assertThat(GroupElement actual) {
        return new GroupElementAssert(actual);
    }

    /** A float64 quantity; named apart from AssertJ's {@code assertThat(double)} to avoid a clash in static imports. */
    public static ScalarAssert assertThatValue(double actual) {
        return new ScalarAssert(actual);
    }
}

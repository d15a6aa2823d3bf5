package org.equivariant4j.testkit.equivariance;

import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.equivariance.RandomFields;

/**
 * Entry point of the equivariance assertions, used like AssertJ's {@code Assertions}:
 * <pre>{@code
 * import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;
 *
 * assertThat(layer).isEquivariantUnder(C4.elements());
 * assertThat(layer).inDType(DType.FLOAT32).hasEquivariantGradientUnder(C4.elements());
 * assertThat(EquivarianceChecker.of("norm", in, out, f)).isInvariantUnder(elements);
 * }</pre>
 */
public final class EquivarianceAssertions {
    /** Seed of generated inputs unless {@code -Dequivariant4j.seed} is given: {@link RandomFields#DEFAULT_SEED}. */
    public static final long DEFAULT_SEED = RandomFields.DEFAULT_SEED;

    private EquivarianceAssertions() {
    }

    /** Assertions on {@code layer}, with its types and declared approximation. */
    public static EquivarianceAssert assertThat(EquivariantLayer layer) {
        return new EquivarianceAssert(layer == null ? null : EquivarianceChecker.of(layer));
    }

    /** Assertions on whatever {@code checker} measures (e.g. a function between field types). */
    public static EquivarianceAssert assertThat(EquivarianceChecker checker) {
        return new EquivarianceAssert(checker);
    }

    /** Assertions on an existing measurement. */
    public static EquivarianceReportAssert assertThat(EquivarianceReport report) {
        return new EquivarianceReportAssert(report);
    }

    /** The seed in use: {@code -Dequivariant4j.seed} or {@link #DEFAULT_SEED} (see {@link RandomFields#seed()}). */
    public static long seed() {
        return RandomFields.seed();
    }
}

package org.equivariant4j.ssl.invariance.testkit;

import org.equivariant4j.ssl.invariance.InvarianceChecker;
import org.equivariant4j.ssl.invariance.InvarianceReport;

/**
 * Entry point of the invariance assertions, used like AssertJ's {@code Assertions}:
 * <pre>{@code
 * import static org.equivariant4j.ssl.invariance.testkit.InvarianceAssertions.assertThat;
 *
 * assertThat(InvarianceChecker.of("c4-gcnn", net, net::forward, OrbitAction.onFlattenedImages(C4, 28)))
 *         .isInvariantOn(testImages);
 * assertThat(report).hasMeanLogitDistanceAtMost(0.05).hasMeanSaliencySimilarityAtLeast(0.9);
 * }</pre>
 */
public final class InvarianceAssertions {
    private InvarianceAssertions() {
    }

    /** Assertions on what {@code checker} measures. */
    public static InvarianceCheckerAssert assertThat(InvarianceChecker checker) {
        return new InvarianceCheckerAssert(checker);
    }

    /** Assertions on an existing measurement. */
    public static InvarianceReportAssert assertThat(InvarianceReport report) {
        return new InvarianceReportAssert(report);
    }
}

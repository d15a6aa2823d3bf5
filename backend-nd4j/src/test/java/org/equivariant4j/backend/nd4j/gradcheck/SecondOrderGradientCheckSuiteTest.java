package org.equivariant4j.backend.nd4j.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the first-order suite ({@link GradientCheckSuiteTest}) checked again at second
 * order: the create-graph gradient of {@code <r, f> + <s, f^2>/2} against the plain one, and its
 * Hessian-vector product against finite differences of the first gradient (see
 * {@code SecondOrderGradientCheck}), with a coverage test over the same list of ops: a new op
 * without a second-order case fails the build.
 */
class SecondOrderGradientCheckSuiteTest {
    private static final Set<String> CHECKED_OPS = new TreeSet<>();
    private static int checkedCases;

    /** The second-order cases: every first-order case, at the same inputs. */
    static List<GradCase> secondOrderCases() {
        return GradientCheckSuiteTest.allCases();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesFiniteDifferencesOfItsGradient() {
        return secondOrderCases().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            c.check().secondOrder().assertCorrect();
            synchronized (CHECKED_OPS) {
                CHECKED_OPS.add(c.op());
                checkedCases++;
            }
        }));
    }

    @Test
    void everyDifferentiableOpHasASecondOrderCheck() {
        assertThat(GradientCheckSuiteTest.uncovered(secondOrderCases())).as("differentiable ops without a second-order check")
                .isEmpty();
    }

    @AfterAll
    static void report() {
        System.out.println("[second-order gradient checks] " + CHECKED_OPS.size() + " ops passed in " + checkedCases + " cases");
    }
}

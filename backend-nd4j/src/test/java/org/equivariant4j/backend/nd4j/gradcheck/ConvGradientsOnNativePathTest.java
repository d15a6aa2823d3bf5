package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.stream.Stream;

import org.equivariant4j.backend.nd4j.Nd4jBackend;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The convolution gradient checks of {@link GradientCheckSuiteTest} again with
 * {@code -Dequivariant4j.kernels=nd4j}: the suite itself runs the CPU kernels, this runs
 * libnd4j's native convolution ops, at first and at second order. Class-level set-up, because {@code @BeforeEach} does not run
 * for dynamic tests.
 */
class ConvGradientsOnNativePathTest {
    private static String saved;

    @BeforeAll
    static void forceNativeOps() {
        saved = System.setProperty(Nd4jBackend.KERNELS_PROPERTY, "nd4j");
    }

    @AfterAll
    static void restoreProperty() {
        if (saved == null) {
            System.clearProperty(Nd4jBackend.KERNELS_PROPERTY);
        } else {
            System.setProperty(Nd4jBackend.KERNELS_PROPERTY, saved);
        }
    }

    @TestFactory
    Stream<DynamicTest> convolutionsMatchFiniteDifferencesOnTheNativeOps() {
        return new ConvGradCases().cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> c.check().assertCorrect()));
    }

    @TestFactory
    Stream<DynamicTest> convolutionsMatchFiniteDifferencesOfTheirGradientsOnTheNativeOps() {
        return new ConvGradCases().cases().stream()
                .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> c.check().secondOrder().assertCorrect()));
    }
}

package org.equivariant4j.backend.nd4j;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * All of {@link ConvOpsTest} again with {@code -Dequivariant4j.kernels=nd4j}, so the references
 * check libnd4j's native convolution ops (the portable path) as well as the CPU kernels that
 * {@link ConvOpsTest} runs by default.
 */
class ConvOpsOnNativePathTest extends ConvOpsTest {
    private static String saved;

    @BeforeAll
    static void forceNativeOps() {
        saved = System.setProperty(ConvKernelSelection.PROPERTY, "nd4j");
    }

    @AfterAll
    static void restoreProperty() {
        if (saved == null) {
            System.clearProperty(ConvKernelSelection.PROPERTY);
        } else {
            System.setProperty(ConvKernelSelection.PROPERTY, saved);
        }
    }
}

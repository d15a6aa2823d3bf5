package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.Equivariant4jException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The system property both ways, and a wrong value. */
class KernelSelectionTest {
    private String saved;

    @BeforeEach
    void clearProperty() {
        saved = System.clearProperty(KernelSelection.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(KernelSelection.PROPERTY);
        } else {
            System.setProperty(KernelSelection.PROPERTY, saved);
        }
    }

    @Test
    void onTheCpuBackendTheKernelsRunUnlessTheNd4jPathIsForced() {
        assertThat(KernelSelection.useKernels()).as("default").isTrue();
        System.setProperty(KernelSelection.PROPERTY, "auto");
        assertThat(KernelSelection.useKernels()).as("auto").isTrue();
        System.setProperty(KernelSelection.PROPERTY, "nd4j");
        assertThat(KernelSelection.useKernels()).as("nd4j").isFalse();
    }

    @Test
    void anUnknownValueIsAnErrorNamingTheChoices() {
        System.setProperty(KernelSelection.PROPERTY, "fast");
        assertThatThrownBy(KernelSelection::useKernels).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("equivariant4j.kernels is 'fast'").hasMessageContaining("'auto'").hasMessageContaining("'nd4j'");
    }
}

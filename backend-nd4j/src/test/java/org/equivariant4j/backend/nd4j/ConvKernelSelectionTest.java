package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.Equivariant4jException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The system property both ways, the dtypes the kernels take, and a wrong value. */
class ConvKernelSelectionTest {
    private String saved;

    @BeforeEach
    void clearProperty() {
        saved = System.clearProperty(ConvKernelSelection.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(ConvKernelSelection.PROPERTY);
        } else {
            System.setProperty(ConvKernelSelection.PROPERTY, saved);
        }
    }

    @Test
    void onTheCpuBackendFloat32AndFloat64RunOnTheKernelsUnlessTheNativeOpsAreForced() {
        assertThat(ConvKernelSelection.useKernels(DataType.FLOAT)).as("default, float32").isTrue();
        assertThat(ConvKernelSelection.useKernels(DataType.DOUBLE)).as("default, float64").isTrue();
        System.setProperty(ConvKernelSelection.PROPERTY, "auto");
        assertThat(ConvKernelSelection.useKernels(DataType.FLOAT)).as("auto").isTrue();
        System.setProperty(ConvKernelSelection.PROPERTY, "nd4j");
        assertThat(ConvKernelSelection.useKernels(DataType.FLOAT)).as("nd4j").isFalse();
    }

    @Test
    void halfPrecisionStaysOnTheNativeOps() {
        assertThat(ConvKernelSelection.useKernels(DataType.HALF)).isFalse();
        assertThat(ConvKernelSelection.useKernels(DataType.BFLOAT16)).isFalse();
    }

    @Test
    void anUnknownValueIsAnErrorNamingTheChoices() {
        System.setProperty(ConvKernelSelection.PROPERTY, "fast");
        assertThatThrownBy(() -> ConvKernelSelection.useKernels(DataType.FLOAT)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("equivariant4j.kernels is 'fast'").hasMessageContaining("'auto'")
                .hasMessageContaining("'nd4j'");
    }
}

package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The engine is found through ServiceLoader, and the escape hatch reaches the INDArray. */
class BackendDiscoveryTest {

    @Test
    void serviceLoaderFindsTheNd4jBackend() {
        assertThat(Tensors.backend().name()).isEqualTo("nd4j");
        assertThat(Tensors.backend().describe()).startsWith("nd4j");
    }

    @Test
    void unwrapGivesTheIndArrayAndRefusesOtherTypes() {
        Tensor t = Tensors.ones(2, 3);
        assertThat(t.unwrap(INDArray.class).shape()).containsExactly(2, 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.unwrap(String.class))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("INDArray");
    }
}

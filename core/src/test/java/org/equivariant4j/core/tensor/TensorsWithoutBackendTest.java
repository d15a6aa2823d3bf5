package org.equivariant4j.core.tensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.BackendNotFoundException;
import org.junit.jupiter.api.Test;

/** core's own tests run with no engine on the class path: the first tensor must say what to add. */
class TensorsWithoutBackendTest {

    @Test
    void missingBackendIsExplainedWithTheArtifactToAdd() {
        assertThatThrownBy(() -> Tensors.zeros(2, 2)).isInstanceOf(BackendNotFoundException.class)
                .hasMessageContaining("equivariant4j-backend-nd4j");
    }
}

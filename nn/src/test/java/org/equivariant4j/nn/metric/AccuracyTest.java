package org.equivariant4j.nn.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void countsArgmaxHits() {
        Tensor logits = Tensors.of(new float[] {0.1f, 0.9f, 2f, 1f, 0f, 5f, 3f, 3.5f}, 4, 2);
        assertThat(Accuracy.of(logits, Tensors.of(new long[] {1, 0, 0, 1}, 4))).isEqualTo(0.75);
        assertThat(Accuracy.of(logits, Tensors.of(new long[] {0, 1, 0, 0}, 4))).isEqualTo(0.0);
    }

    @Test
    void refusesMismatchedShapes() {
        assertThatThrownBy(() -> Accuracy.of(Tensors.zeros(4, 2), Tensors.of(new long[] {0, 1}, 2)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[4, 2] and [2]");
    }
}

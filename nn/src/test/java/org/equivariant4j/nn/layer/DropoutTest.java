package org.equivariant4j.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class DropoutTest {

    @Test
    void dropsAboutPAndRescalesTheRest() {
        Dropout dropout = new Dropout(0.25, new Rng(1));
        float[] y = dropout.forward(Tensors.ones(100, 100)).toFloatArray();
        int zeros = 0;
        for (float v : y) {
            if (v == 0f) {
                zeros++;
            } else {
                assertThat(v).isCloseTo(1 / 0.75f, within(1e-6f));
            }
        }
        assertThat(zeros / 10_000.0).isCloseTo(0.25, within(0.02));
    }

    @Test
    void isTheIdentityInEvaluationModeAndForPZero() {
        Tensor x = Tensors.randn(new Rng(2), 4, 5);
        Dropout dropout = new Dropout(0.5, new Rng(3));
        dropout.eval();
        assertThat(dropout.forward(x)).isSameAs(x);
        assertThat(new Dropout(0, new Rng(3)).forward(x)).isSameAs(x);
    }

    @Test
    void masksAreReproducibleFromTheSeed() {
        Tensor x = Tensors.ones(50);
        assertThat(new Dropout(0.5, new Rng(4)).forward(x).toFloatArray())
                .containsExactly(new Dropout(0.5, new Rng(4)).forward(x).toFloatArray());
    }

    @Test
    void gradientsFlowOnlyThroughKeptEntries() {
        Tensor x = Tensors.ones(20).requiresGrad(true);
        Tensor y = new Dropout(0.5, new Rng(5)).forward(x);
        y.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(y.detach().toFloatArray());
    }

    @Test
    void refusesAProbabilityOutsideZeroToOne() {
        assertThatThrownBy(() -> new Dropout(1.0, new Rng(0))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new Dropout(-0.1, new Rng(0))).isInstanceOf(InvalidArgumentException.class);
    }
}

package org.equivariant4j.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** The embedding is [cos(2π x B), sin(2π x B)] with a fixed, checkpointed B, and it refuses what it cannot embed. */
class RandomFourierFeaturesTest {

    @Test
    void embedsByTheFormulaWithAFixedMatrix() {
        RandomFourierFeatures rff = new RandomFourierFeatures(2, 3, 0.5, new Rng(1));
        rff.to(DType.FLOAT64);
        Tensor x = Tensors.of(new double[] {0.3, -1.2, 2.0, 0.1}, DType.FLOAT64, 2, 2);
        double[] b = rff.frequencies().toDoubleArray();
        double[] y = rff.forward(x).toDoubleArray();
        assertThat(rff.outFeatures()).isEqualTo(6);
        double[] xs = x.toDoubleArray();
        for (int n = 0; n < 2; n++) {
            for (int f = 0; f < 3; f++) {
                double phase = xs[n * 2] * b[f] + xs[n * 2 + 1] * b[3 + f];
                assertThat(y[n * 6 + f]).isCloseTo(Math.cos(phase), within(1e-12));
                assertThat(y[n * 6 + 3 + f]).isCloseTo(Math.sin(phase), within(1e-12));
            }
        }
        assertThat(rff.parameters()).as("B is not trained").isEmpty();
        assertThat(rff.stateDict()).containsKey("frequencies");
    }

    @Test
    void theFrequenciesHaveTheAskedSpread() {
        RandomFourierFeatures rff = new RandomFourierFeatures(4, 2000, 3.0, new Rng(2));
        double[] b = rff.frequencies().toDoubleArray();
        double sum = 0;
        for (double v : b) {
            sum += v * v;
        }
        double std = Math.sqrt(sum / b.length) / (2 * Math.PI);
        assertThat(std).isCloseTo(3.0, within(0.1));
    }

    @Test
    void refusesBadSizesAndShapes() {
        assertThatThrownBy(() -> new RandomFourierFeatures(0, 3, 1, new Rng(1))).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new RandomFourierFeatures(2, 3, 0, new Rng(1))).isInstanceOf(InvalidArgumentException.class);
        RandomFourierFeatures rff = new RandomFourierFeatures(2, 3, 1, new Rng(1));
        assertThatThrownBy(() -> rff.forward(Tensors.zeros(4, 3))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("RandomFourierFeatures").hasMessageContaining("[4, 3]");
    }
}

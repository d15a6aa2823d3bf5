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
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.activation.Tanh;
import org.equivariant4j.nn.init.XavierUniform;
import org.junit.jupiter.api.Test;

class SequentialAndMLPTest {

    @Test
    void sequentialChainsLayersAndNamesThemByPosition() {
        Linear first = new Linear(3, 4, new Rng(0));
        Linear second = new Linear(4, 2, new Rng(1));
        Sequential seq = new Sequential(first, new ReLU(), second);
        assertThat(seq.namedParameters()).containsOnlyKeys("0.weight", "0.bias", "2.weight", "2.bias");
        Tensor x = Tensors.randn(new Rng(2), 5, 3);
        Tensor expected = second.forward(first.forward(x).relu());
        assertThat(seq.forward(x).toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-6f));
        assertThat(seq).hasToString("Sequential(Linear(3 -> 4), ReLU, Linear(4 -> 2))");
    }

    @Test
    void mlpPlacesActivationsBetweenLayersOnly() {
        MLP mlp = new MLP(new int[] {2, 16, 8, 3}, ReLU::new, new Rng(3));
        assertThat(mlp.layers().layers()).hasSize(5);
        assertThat(mlp.layers().layers().get(4)).isInstanceOf(Linear.class);
        assertThat(mlp.namedParameters()).containsOnlyKeys("layers.0.weight", "layers.0.bias", "layers.2.weight",
                "layers.2.bias", "layers.4.weight", "layers.4.bias");
        assertThat(mlp.parameterCount()).isEqualTo(2 * 16 + 16 + 16 * 8 + 8 + 8 * 3 + 3);
        assertThat(mlp.forward(Tensors.randn(new Rng(4), 7, 2)).shape()).containsExactly(7, 3);
        assertThat(mlp).hasToString("MLP[2, 16, 8, 3]");
        assertThat(mlp.widths()).containsExactly(2, 16, 8, 3);
    }

    @Test
    void mlpTakesAnInitialiserAndADtype() {
        MLP mlp = new MLP(new int[] {4, 4}, Tanh::new, new XavierUniform(), DType.FLOAT64, new Rng(5));
        assertThat(mlp.layers().layers()).hasSize(1);
        assertThat(mlp.parameters()).allSatisfy(p -> assertThat(p.value().dtype()).isEqualTo(DType.FLOAT64));
        double bound = Math.sqrt(6.0 / 8);
        for (double w : ((Linear) mlp.layers().layers().get(0)).weight().value().toDoubleArray()) {
            assertThat(Math.abs(w)).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void aShapeErrorInsideAnMlpNamesTheFailingLayer() {
        MLP mlp = new MLP(new int[] {2, 8, 1}, ReLU::new, new Rng(6));
        assertThatThrownBy(() -> mlp.forward(Tensors.zeros(4, 3))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Linear(2 -> 8): expected input [..., 2] but was [4, 3]");
    }

    @Test
    void refusesEmptyStacks() {
        assertThatThrownBy(Sequential::new).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new MLP(new int[] {3}, ReLU::new, new Rng(0))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("[3]");
    }
}

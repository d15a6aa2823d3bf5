package org.equivariant4j.nn.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** Each activation against reference values at x = -2, -0.5, 0, 1 (PyTorch, float64). */
class ActivationTest {
    private static final Tensor X = Tensors.of(new double[] {-2, -0.5, 0, 1}, DType.FLOAT64, 4);

    private static void check(UnaryModule activation, double... expected) {
        assertThat(activation.forward(X).toDoubleArray()).as(activation.toString()).containsExactly(expected, within(1e-7));
        assertThat(activation.namedParameters()).isEmpty();
    }

    @Test
    void relu() {
        check(new ReLU(), 0, 0, 0, 1);
    }

    @Test
    void leakyRelu() {
        check(new LeakyReLU(), -0.02, -0.005, 0, 1);
        check(new LeakyReLU(0.2), -0.4, -0.1, 0, 1);
    }

    @Test
    void elu() {
        check(new ELU(), Math.exp(-2) - 1, Math.exp(-0.5) - 1, 0, 1);
        assertThatThrownBy(() -> new ELU(0)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void gelu() {
        check(new GELU(), -0.04550026389635842, -0.15426876845890954, 0, 0.8413447460685429);
    }

    @Test
    void silu() {
        check(new SiLU(), -2 / (1 + Math.exp(2)), -0.5 / (1 + Math.exp(0.5)), 0, 1 / (1 + Math.exp(-1)));
    }

    @Test
    void tanh() {
        check(new Tanh(), Math.tanh(-2), Math.tanh(-0.5), 0, Math.tanh(1));
    }

    @Test
    void sigmoid() {
        check(new Sigmoid(), 1 / (1 + Math.exp(2)), 1 / (1 + Math.exp(0.5)), 0.5, 1 / (1 + Math.exp(-1)));
    }

    @Test
    void softplus() {
        check(new Softplus(), Math.log1p(Math.exp(-2)), Math.log1p(Math.exp(-0.5)), Math.log(2), Math.log1p(Math.E));
    }
}

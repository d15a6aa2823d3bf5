package org.equivariant4j.ssl.invariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.UnaryOperator;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class InputSensitivityTest {

    @Test
    void eigenvaluesOfAKnownSymmetricMatrix() {
        // [[2, 1], [1, 2]] has eigenvalues 3 and 1; a diagonal matrix its diagonal.
        assertThat(SymmetricEigenvalues.of(new double[] {2, 1, 1, 2}, 2)).containsExactly(new double[] {3, 1}, within(1e-14));
        assertThat(SymmetricEigenvalues.of(new double[] {1, 0, 0, 0, 5, 0, 0, 0, 2}, 3))
                .containsExactly(new double[] {5, 2, 1}, within(1e-14));
    }

    /** For a linear model f(x) = W x every input has Jacobian W: singular values 3, 2, 1 over the logit spread. */
    @Test
    void theSpectrumOfALinearModelIsItsSingularValuesOverTheSpread() {
        double[] w = new double[3 * 6];
        w[0] = 3;
        w[6 + 1] = 2;
        w[12 + 2] = 1;
        Tensor weight = Tensors.of(w, DType.FLOAT64, 3, 6);
        UnaryOperator<Tensor> linear = x -> x.matmul(weight.transpose(0, 1));
        Tensor x = Tensors.randn(new Rng(1), DType.FLOAT64, 10, 6);
        Tensor z = linear.apply(x);
        double spread = Math.sqrt(z.sub(z.mean(0, true)).pow(2).sum().item() / 10);
        InputSensitivity.Spectrum s = InputSensitivity.of(null, linear).jacobianSpectrum(x);
        assertThat(s.values()).containsExactly(new double[] {3 / spread, 2 / spread, 1 / spread}, within(1e-12));
        assertThat(s.total()).isCloseTo(6 / spread, within(1e-12));
    }

    @Test
    void theRandomResponseOfALinearModelIsTheMeanNormOfWuOverTheSpread() {
        Tensor weight = Tensors.randn(new Rng(2), DType.FLOAT64, 4, 5);
        UnaryOperator<Tensor> linear = x -> x.matmul(weight.transpose(0, 1));
        Tensor x = Tensors.randn(new Rng(3), DType.FLOAT64, 8, 5);
        double response = InputSensitivity.of(null, linear).randomPerturbationResponse(x, 0.1, new Rng(4));
        // Same directions as the measurement draws.
        Tensor u = Tensors.randn(new Rng(4), DType.FLOAT64, 8, 5);
        u = u.div(u.norm(1, true));
        Tensor z = linear.apply(x);
        double spread = Math.sqrt(z.sub(z.mean(0, true)).pow(2).sum().item() / 8);
        double expected = linear.apply(u).pow(2).sum(1, false).sqrt().mean().item() / spread;
        assertThat(response).isCloseTo(expected, within(1e-10));
        // Scale-free: doubling the model changes nothing.
        UnaryOperator<Tensor> doubled = v -> linear.apply(v).mul(2.0);
        assertThat(InputSensitivity.of(null, doubled).randomPerturbationResponse(x, 0.1, new Rng(4))).isCloseTo(response,
                within(1e-10));
    }
}

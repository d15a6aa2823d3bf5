package org.equivariant4j.ssl.cutinit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.ssl.cutinit.analysis.CosineGradient;
import org.equivariant4j.ssl.loss.Cosine;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * GradScale's forward is the identity, so a finite-difference check of it alone would see the identity's Jacobian; its
 * custom backward is checked against its definition (the vector-Jacobian product {@code ||z_n||^p r_n}), and the
 * composition with the cosine against the closed form it is designed to give.
 */
class GradScaleTest {

    private static double[] vjp(GradScale g, Tensor z, Tensor r) {
        Tensor leaf = z.detach().requiresGrad(true);
        g.apply(leaf).mul(r).sum().backward();
        return leaf.grad().toDoubleArray();
    }

    @Test
    void forwardIsTheIdentityBitForBit() {
        Tensor z = Tensors.randn(new Rng(1), DType.FLOAT64, 4, 6).mul(7);
        assertThat(new GradScale(1).apply(z).toDoubleArray()).containsExactly(z.toDoubleArray());
        Tensor f = z.to(DType.FLOAT32);
        assertThat(new GradScale(2).apply(f).toFloatArray()).containsExactly(f.toFloatArray());
    }

    @Test
    void backwardScalesEachRowsGradientByItsNormToThePower() {
        Tensor z = Tensors.randn(new Rng(2), DType.FLOAT64, 3, 5);
        Tensor r = Tensors.randn(new Rng(3), DType.FLOAT64, 3, 5);
        double[] zs = z.toDoubleArray();
        double[] rs = r.toDoubleArray();
        for (double power : new double[] {1, 2, -1}) {
            double[] g = vjp(new GradScale(power), z, r);
            for (int n = 0; n < 3; n++) {
                double norm = 0;
                for (int d = 0; d < 5; d++) {
                    norm += zs[n * 5 + d] * zs[n * 5 + d];
                }
                double scale = Math.pow(Math.sqrt(norm), power);
                for (int d = 0; d < 5; d++) {
                    assertThat(g[n * 5 + d]).as("power %s row %d", power, n).isCloseTo(scale * rs[n * 5 + d], within(1e-12));
                }
            }
        }
        // Negative control: power 0 is the plain identity, whose gradient differs from power 1's by the norms (>> 1e-12).
        double[] identity = vjp(new GradScale(0), z, r);
        assertThat(identity).containsExactly(rs, within(1e-15));
        assertThat(Math.abs(vjp(new GradScale(1), z, r)[0] - identity[0])).isGreaterThan(1e-3);
    }

    @Test
    void withTheCosineTheGradientNoLongerShrinksAsTheNormGrows() {
        double[] zPrime = {0.3, -1, 2, 0.5};
        for (double norm : new double[] {0.1, 1, 10, 100}) {
            double[] z = {norm * 0.6, norm * 0.0, norm * 0.8, 0};
            Tensor leaf = Tensors.of(z, DType.FLOAT64, 1, 4).requiresGrad(true);
            Cosine.similarity(new GradScale(1).apply(leaf), Tensors.of(zPrime, DType.FLOAT64, 1, 4)).sum().backward();
            double[] g = leaf.grad().toDoubleArray();
            double[] plain = CosineGradient.closedForm(z, zPrime);
            for (int i = 0; i < 4; i++) {
                // ||z|| · (ẑ' - cos ẑ) / ||z||: the same for every norm
                assertThat(g[i]).as("norm %s entry %d", norm, i).isCloseTo(norm * plain[i], within(1e-12));
            }
        }
    }

    @Test
    void theCosineItselfPassesTheFiniteDifferenceCheckThatGradScaleIsExemptFrom() {
        Tensor z = Tensors.randn(new Rng(4), DType.FLOAT64, 2, 4);
        Tensor zp = Tensors.randn(new Rng(5), DType.FLOAT64, 2, 4);
        GradientCheck.of("cos(z, z')", in -> Cosine.similarity(in[0], in[1]), z, zp).assertCorrect();
        // GradScale(1) inside: FD sees the identity, the autodiff the scaled rule; they differ, as designed.
        assertThat(GradientCheck.of("cos(GradScale(z), z')", in -> Cosine.similarity(new GradScale(1).apply(in[0]), in[1]), z, zp)
                .measure().passed()).isFalse();
    }
}

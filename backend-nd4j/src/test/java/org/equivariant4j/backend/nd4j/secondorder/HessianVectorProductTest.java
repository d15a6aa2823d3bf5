package org.equivariant4j.backend.nd4j.secondorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** Hessian-vector products by reverse-over-reverse differentiation against a Hessian worked out by hand. */
class HessianVectorProductTest {

    /**
     * {@code f(x) = x^T A x / 2 + sum(x^4) / 4 + sin(x0) x1}, whose Hessian is
     * {@code (A + A^T)/2 + diag(3 x^2)} plus {@code -sin(x0) x1} at (0,0) and {@code cos(x0)} at (0,1) and (1,0).
     */
    @Test
    void matchesTheAnalyticHessian() {
        int n = 4;
        Rng rng = new Rng(42);
        double[] a = Tensors.randn(rng, DType.FLOAT64, n, n).toDoubleArray();
        double[] xv = Tensors.randn(rng, DType.FLOAT64, n).toDoubleArray();
        double[] v = Tensors.randn(rng, DType.FLOAT64, n).toDoubleArray();
        Tensor x = Tensors.of(xv, DType.FLOAT64, n).requiresGrad(true);
        Tensor matrix = Tensors.of(a, DType.FLOAT64, n, n);
        Tensor f = x.matmul(matrix).matmul(x).mul(0.5).add(x.pow(4).sum().mul(0.25))
                .add(x.narrow(0, 0, 1).sin().mul(x.narrow(0, 1, 1)).sum());
        Tensor g = Tensor.grad(List.of(f), List.of(x), true).get(0);
        Tensor hv = Tensor.grad(List.of(g.mul(Tensors.of(v, DType.FLOAT64, n)).sum()), List.of(x), false).get(0);

        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = (a[i * n + j] + a[j * n + i]) / 2 + (i == j ? 3 * xv[i] * xv[i] : 0);
            }
        }
        h[0][0] -= Math.sin(xv[0]) * xv[1];
        h[0][1] += Math.cos(xv[0]);
        h[1][0] += Math.cos(xv[0]);
        double[] actual = hv.toDoubleArray();
        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int j = 0; j < n; j++) {
                expected += h[i][j] * v[j];
            }
            assertThat(actual[i]).as("(H v)[%d]", i).isCloseTo(expected, within(1e-12 * (1 + Math.abs(expected))));
        }
        assertThat(x.grad()).as("Tensor.grad leaves the leaf's gradient alone").isNull();
    }

    /** A backward with createGraph leaves a differentiable gradient in the leaf: differentiating it gives H v too. */
    @Test
    void backwardWithCreateGraphLeavesADifferentiableGradient() {
        Tensor x = Tensors.of(new double[] {0.3, -1.2, 2.0}, DType.FLOAT64, 3).requiresGrad(true);
        x.pow(3).sum().backward(true);
        Tensor g = x.grad();
        assertThat(g.requiresGrad()).isTrue();
        assertThat(g.toDoubleArray()).containsExactly(new double[] {3 * 0.09, 3 * 1.44, 12.0}, within(1e-12));
        Tensor v = Tensors.of(new double[] {1, 2, 3}, DType.FLOAT64, 3);
        Tensor hv = Tensor.grad(List.of(g.mul(v).sum()), List.of(x), false).get(0);
        // H = diag(6 x)
        assertThat(hv.toDoubleArray()).containsExactly(new double[] {6 * 0.3, 6 * -1.2 * 2, 6 * 2.0 * 3}, within(1e-12));
    }
}

package org.equivariant4j.fields.enf.pde;

import static org.assertj.core.api.Assertions.assertThat;

import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * The random initial vorticity has the reference's spectrum: its expected mean square is the sum over the modes
 * k ≠ 0 (all of them, both signs) of {@code σ^2 (4π^2 |k|^2 + τ^2)^(-α)}, σ = τ^(α - 1); its mean is zero.
 */
class GaussianRandomFieldTest {
    private static final int N = 16;

    private static double expectedMeanSquare(double alpha, double tau) {
        double sigma2 = Math.pow(tau, 2 * (alpha - 1));
        double sum = 0;
        for (int a = -N / 2 + 1; a < N / 2; a++) {
            for (int b = -N / 2 + 1; b < N / 2; b++) {
                if (a != 0 || b != 0) {
                    sum += sigma2 * Math.pow(4 * Math.PI * Math.PI * (a * a + b * b) + tau * tau, -alpha);
                }
            }
        }
        return sum;
    }

    /**
     * 200 fields: the energy sits in the ~20 lowest modes, each an exponential variable, so one field's mean square
     * has a relative spread of about 1/sqrt(20) and the mean of 200 about 0.016; the 10% bound is 6 of those. The
     * negative control, the same estimate against the spectrum of α = 2 (1.7 times the mean square here), fails it.
     */
    @Test
    void hasTheReferenceSpectrumAndZeroMean() {
        GaussianRandomField field = new GaussianRandomField(N, 2.5, 7.0);
        Rng[] rngs = new Rng[200];
        for (int k = 0; k < rngs.length; k++) {
            rngs[k] = new Rng(1000 + k);
        }
        double[] samples = field.sample(rngs);
        double meanSquare = 0;
        for (int k = 0; k < rngs.length; k++) {
            double mean = 0;
            for (int p = 0; p < N * N; p++) {
                double v = samples[k * N * N + p];
                mean += v;
                meanSquare += v * v;
            }
            assertThat(Math.abs(mean / (N * N))).isLessThan(1e-12);
        }
        meanSquare /= rngs.length * N * N;
        assertThat(meanSquare / expectedMeanSquare(2.5, 7.0)).isBetween(0.9, 1.1);
        assertThat(meanSquare / expectedMeanSquare(2.0, 7.0)).isLessThan(0.9);
    }
}

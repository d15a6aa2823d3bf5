package org.equivariant4j.gconv.weightsharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

class SinkhornTest {

    /** Plain-double log-domain Sinkhorn, written independently of the tensor engine. */
    private static double[][][] reference(double[][][] scores, int iterations, double temperature) {
        int b = scores.length;
        int m = scores[0].length;
        double[][][] l = new double[b][m][m];
        for (int g = 0; g < b; g++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    l[g][i][j] = scores[g][i][j] / temperature;
                }
            }
        }
        for (int it = 0; it < iterations; it++) {
            for (int g = 0; g < b; g++) {
                for (int i = 0; i < m; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < m; j++) {
                        max = Math.max(max, l[g][i][j]);
                    }
                    double s = 0;
                    for (int j = 0; j < m; j++) {
                        s += Math.exp(l[g][i][j] - max);
                    }
                    double lse = max + Math.log(s);
                    for (int j = 0; j < m; j++) {
                        l[g][i][j] -= lse;
                    }
                }
                for (int j = 0; j < m; j++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < m; i++) {
                        max = Math.max(max, l[g][i][j]);
                    }
                    double s = 0;
                    for (int i = 0; i < m; i++) {
                        s += Math.exp(l[g][i][j] - max);
                    }
                    double lse = max + Math.log(s);
                    for (int i = 0; i < m; i++) {
                        l[g][i][j] -= lse;
                    }
                }
            }
        }
        for (double[][] a : l) {
            for (double[] row : a) {
                for (int j = 0; j < m; j++) {
                    row[j] = Math.exp(row[j]);
                }
            }
        }
        return l;
    }

    private static double[][][] random(Rng rng, int b, int m, double scale) {
        double[][][] s = new double[b][m][m];
        for (double[][] a : s) {
            for (double[] row : a) {
                for (int j = 0; j < m; j++) {
                    row[j] = scale * rng.nextGaussian();
                }
            }
        }
        return s;
    }

    private static Tensor tensor(double[][][] s) {
        int b = s.length;
        int m = s[0].length;
        double[] flat = new double[b * m * m];
        for (int g = 0; g < b; g++) {
            for (int i = 0; i < m; i++) {
                System.arraycopy(s[g][i], 0, flat, (g * m + i) * m, m);
            }
        }
        return Tensors.of(flat, DType.FLOAT64, b, m, m);
    }

    private static double maxLineSumError(Tensor p) {
        int[] s = p.shape();
        double[] rows = p.sum(2, false).toDoubleArray();
        double[] cols = p.sum(1, false).toDoubleArray();
        double worst = 0;
        for (int i = 0; i < rows.length; i++) {
            worst = Math.max(worst, Math.max(Math.abs(rows[i] - 1), Math.abs(cols[i] - 1)));
        }
        assertThat(rows).hasSize(s[0] * s[1]);
        return worst;
    }

    @Test
    void matchesAPlainDoubleReferenceOverLongRunsAndSharpTemperatures() {
        Rng rng = new Rng(11);
        double[][][] scores = random(rng, 3, 9, 4.0);
        for (double temperature : new double[] {1.0, 0.05, 0.002}) {
            double[][][] expected = reference(scores, 400, temperature);
            double[] actual = new Sinkhorn(400, temperature).apply(tensor(scores)).toDoubleArray();
            double worst = 0;
            int k = 0;
            for (double[][] a : expected) {
                for (double[] row : a) {
                    for (double v : row) {
                        assertThat(actual[k]).as("entry %d at temperature %s", k, temperature).isFinite();
                        worst = Math.max(worst, Math.abs(actual[k++] - v));
                    }
                }
            }
            assertThat(worst).as("max |engine - reference| at temperature %s", temperature).isLessThan(1e-9);
        }
    }

    @Test
    void rowsAndColumnsSumToOne() {
        Tensor scores = tensor(random(new Rng(3), 4, 25, 1.0));
        assertThat(maxLineSumError(new Sinkhorn(20, 1.0).apply(scores))).isLessThan(1e-6);
        assertThat(maxLineSumError(new Sinkhorn(300, 1.0).apply(scores))).isLessThan(1e-12);
    }

    @Test
    void scoresFarBeyondExpsRangeStayFinite() {
        // Scores of 1e4 / 0.01 (exp would overflow at 710): finite, in [0, 1], columns exactly normalised after the
        // last column step. Rows need not converge at such sharpness (Sinkhorn slows down as the temperature drops).
        Tensor p = new Sinkhorn(600, 0.01).apply(tensor(random(new Rng(4), 2, 9, 1e4)));
        for (double v : p.toDoubleArray()) {
            assertThat(v).isFinite().isBetween(0.0, 1.0);
        }
        for (double c : p.sum(1, false).toDoubleArray()) {
            assertThat(c).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void float32StaysFiniteAndNormalised() {
        Tensor scores64 = tensor(random(new Rng(5), 4, 16, 30.0));
        Tensor p = new Sinkhorn(500, 0.1).apply(scores64.to(DType.FLOAT32));
        double[] expected = new Sinkhorn(500, 0.1).apply(scores64).toDoubleArray();
        float[] actual = p.toFloatArray();
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).isFinite().isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-3));
        }
        for (float c : p.sum(1, false).toFloatArray()) {
            assertThat(c).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void permutationScoresGiveThePermutationExactly() {
        int m = 5;
        int[] sigma = {2, 0, 4, 1, 3};
        double[] s = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                s[i * m + j] = sigma[i] == j ? 0 : -1000;
            }
        }
        double[] p = new Sinkhorn(20, 1.0).apply(Tensors.of(s, DType.FLOAT64, 1, m, m)).toDoubleArray();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                assertThat(p[i * m + j]).isEqualTo(sigma[i] == j ? 1.0 : 0.0);
            }
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Tensor scores = Tensors.randn(new Rng(8), DType.FLOAT64, 2, 4, 4).requiresGrad(true);
        GradientCheck.of("sinkhorn(7, 0.7)", in -> new Sinkhorn(7, 0.7).apply(in[0]), scores).assertCorrect();
        Tensor sharp = Tensors.randn(new Rng(9), DType.FLOAT64, 3, 3, 3).mul(3).detach().requiresGrad(true);
        GradientCheck.of("sinkhorn(30, 0.5)", in -> new Sinkhorn(30, 0.5).apply(in[0]), sharp).assertCorrect();
    }

    @Test
    void regularizersVanishOnPermutationsAndHaveCheckedGradients() {
        int m = 4;
        Tensor identity = Tensors.of(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, DType.FLOAT64, 1, m, m);
        assertThat(PermutationRegularizers.entropy(identity).item()).isEqualTo(0.0);
        Tensor uniform = Tensors.full(new int[] {2, m, m}, 1.0 / m, DType.FLOAT64);
        assertThat(PermutationRegularizers.entropy(uniform).item()).isCloseTo(2 * m * Math.log(m), org.assertj.core.data.Offset.offset(1e-12));
        // Scores already normalised in log space (log of a doubly stochastic matrix): zero norm penalty.
        assertThat(PermutationRegularizers.norm(uniform.log()).item()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));

        Tensor scores = Tensors.randn(new Rng(2), DType.FLOAT64, 2, 3, 3).requiresGrad(true);
        GradientCheck.of("norm penalty", in -> PermutationRegularizers.norm(in[0]), scores).assertCorrect();
        GradientCheck.of("entropy of sinkhorn", in -> PermutationRegularizers.entropy(new Sinkhorn(5, 1.0).apply(in[0])), scores)
                .assertCorrect();
    }

    @Test
    void refusesNonSquareBatchesAndBadSettings() {
        assertThatThrownBy(() -> new Sinkhorn(5, 1).apply(Tensors.zeros(2, 3, 4))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("[B, m, m]").hasMessageContaining("[2, 3, 4]");
        assertThatThrownBy(() -> new Sinkhorn(0, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Sinkhorn(5, 0)).hasMessageContaining("temperature");
    }
}

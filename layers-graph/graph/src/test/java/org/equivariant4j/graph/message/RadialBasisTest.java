package org.equivariant4j.graph.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

class RadialBasisTest {
    private static final RadialBasis BASIS = RadialBasis.of(5, 4.0);

    @Test
    void eachValueIsTheNormalisedGaussianOfItsFormula() {
        double[] r = {0.0, 0.3, 1.7, 4.0, 6.5};
        double[] squared = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            squared[i] = r[i] * r[i];
        }
        double[][] out = rows(BASIS.expand(Tensors.of(squared, DType.FLOAT64, r.length, 1)));
        double w = BASIS.width();
        assertThat(w).isEqualTo(1.0);
        for (int i = 0; i < r.length; i++) {
            double[] g = new double[5];
            double total = 0;
            for (int k = 0; k < 5; k++) {
                g[k] = Math.exp(-Math.pow((r[i] - k * w) / w, 2));
                total += g[k];
            }
            for (int k = 0; k < 5; k++) {
                assertThat(out[i][k]).as("r=%s, k=%s", r[i], k).isCloseTo(g[k] / total, within(1e-12));
            }
        }
    }

    @Test
    void valuesLieInTheUnitIntervalAndSumToOneAtAnyDistance() {
        double[] squared = {0.0, 1e-12, 2.0, 16.0, 1e4, 1e12};
        double[][] out = rows(BASIS.expand(Tensors.of(squared, DType.FLOAT64, squared.length, 1)));
        for (double[] row : out) {
            double sum = 0;
            for (double v : row) {
                assertThat(v).isBetween(0.0, 1.0);
                sum += v;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
        }
        // far beyond rMax all the mass sits on the last centre, with no 0/0 on the way
        assertThat(out[5][4]).isCloseTo(1.0, within(1e-12));
        // float32 too: a raw Gaussian would underflow to 0 at r = 1e6 and the normalisation would give NaN
        Tensor f32 = BASIS.expand(Tensors.of(new float[] {1e12f}, 1, 1));
        assertThat(f32.toDoubleArray()[4]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor squared = Tensors.of(new double[] {0.5, 1.2, 3.3, 9.0, 15.0, 20.0}, DType.FLOAT64, 6, 1);
        GradientCheck.of("RadialBasis", in -> BASIS.expand(in[0]), squared).assertCorrect();
    }

    @Test
    void badShapesAndSettingsAreRefusedByName() {
        assertThatThrownBy(() -> BASIS.expand(Tensors.zeros(DType.FLOAT64, 4, 2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("RadialBasis(5 centres on [0, 4.0])").hasMessageContaining("[4, 2]");
        assertThatThrownBy(() -> RadialBasis.of(1, 4.0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("at least 2 centres");
        assertThatThrownBy(() -> RadialBasis.of(4, Double.NaN)).isInstanceOf(InvalidArgumentException.class);
    }

    private static double[][] rows(Tensor t) {
        double[] flat = t.toDoubleArray();
        int k = t.size(1);
        double[][] out = new double[t.size(0)][k];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }
}

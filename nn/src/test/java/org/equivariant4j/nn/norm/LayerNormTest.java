package org.equivariant4j.nn.norm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class LayerNormTest {

    @Test
    void normalisesEachRowToZeroMeanAndUnitVariance() {
        LayerNorm norm = new LayerNorm(new int[] {4}, 1e-5, true, DType.FLOAT64);
        Tensor x = Tensors.of(new double[] {1, 2, 3, 4, -1, 0, 0, 5}, DType.FLOAT64, 2, 4);
        double[] y = norm.forward(x).toDoubleArray();
        // row 1: mean 2.5, population variance 1.25
        double s = Math.sqrt(1.25 + 1e-5);
        assertThat(java.util.Arrays.copyOf(y, 4)).containsExactly(new double[] {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s},
                within(1e-12));
        Tensor out = norm.forward(Tensors.randn(new Rng(1), DType.FLOAT64, 3, 5, 4));
        assertAllClose(out.mean(-1, false).toDoubleArray(), 0, 1e-12);
        assertAllClose(out.var(new int[] {-1}, false).toDoubleArray(), 1, 1e-4);
    }

    @Test
    void appliesTheAffineTransformAfterNormalising() {
        LayerNorm norm = new LayerNorm(new int[] {2}, 1e-5, true, DType.FLOAT64);
        assertThat(norm.namedParameters()).containsOnlyKeys("weight", "bias");
        norm.namedParameters().get("weight").value().assign(Tensors.of(new double[] {2, 3}, DType.FLOAT64, 2));
        norm.namedParameters().get("bias").value().assign(Tensors.of(new double[] {10, 20}, DType.FLOAT64, 2));
        double z = 1 / Math.sqrt(1 + 1e-5);
        assertThat(norm.forward(Tensors.of(new double[] {0, 2}, DType.FLOAT64, 1, 2)).toDoubleArray())
                .containsExactly(new double[] {10 - 2 * z, 20 + 3 * z}, within(1e-12));
    }

    @Test
    void normalisesOverSeveralTrailingDimensions() {
        LayerNorm norm = new LayerNorm(3, 4);
        Tensor y = norm.forward(Tensors.randn(new Rng(2), 2, 3, 4));
        assertAllClose(y.mean(new int[] {1, 2}, false).toFloatArray(), 0, 1e-5);
        assertThat(norm.namedParameters().get("weight").shape()).containsExactly(3, 4);
    }

    @Test
    void withoutAffineHasNoParameters() {
        assertThat(new LayerNorm(new int[] {4}, 1e-5, false, DType.FLOAT32).namedParameters()).isEmpty();
    }

    @Test
    void aWrongTrailingShapeNamesTheLayerAndBothShapes() {
        assertThatThrownBy(() -> new LayerNorm(64).forward(Tensors.zeros(8, 63))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("LayerNorm(64): expected input [..., 64] but was [8, 63]");
        assertThatThrownBy(() -> new LayerNorm(3, 4).forward(Tensors.zeros(4))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("LayerNorm(3, 4): expected input [..., 3, 4] but was [4]");
    }

    private static void assertAllClose(double[] values, double target, double tolerance) {
        for (double v : values) {
            assertThat(v).isCloseTo(target, within(tolerance));
        }
    }

    private static void assertAllClose(float[] values, double target, double tolerance) {
        for (float v : values) {
            assertThat((double) v).isCloseTo(target, within(tolerance));
        }
    }
}

package org.equivariant4j.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.init.Zeros;
import org.junit.jupiter.api.Test;

class LinearTest {

    @Test
    void computesInputTimesWeightTransposedPlusBias() {
        Linear layer = Linear.builder(3, 2).dtype(DType.FLOAT64).rng(new Rng(0)).build();
        layer.weight().value().assign(Tensors.of(new double[] {1, 2, 3, 4, 5, 6}, DType.FLOAT64, 2, 3));
        layer.bias().value().assign(Tensors.of(new double[] {0.5, -1}, DType.FLOAT64, 2));
        Tensor x = Tensors.of(new double[] {1, 0, -1, 2, 1, 0}, DType.FLOAT64, 2, 3);
        // rows: [1,0,-1] -> [1-3, 4-6] + b = [-1.5, -3]; [2,1,0] -> [2+2, 8+5] + b = [4.5, 12]
        assertThat(layer.forward(x).toDoubleArray()).containsExactly(new double[] {-1.5, -3, 4.5, 12}, within(1e-12));
    }

    @Test
    void appliesToTheLastDimensionOfBatchedInputs() {
        Linear layer = new Linear(4, 5, new Rng(1));
        Tensor x = Tensors.randn(new Rng(2), 2, 3, 4);
        Tensor y = layer.forward(x);
        assertThat(y.shape()).containsExactly(2, 3, 5);
        Tensor flat = layer.forward(x.reshape(6, 4)).reshape(2, 3, 5);
        assertThat(y.toFloatArray()).containsExactly(flat.toFloatArray(), within(1e-6f));
    }

    @Test
    void hasPyTorchParameterNamesAndShapes() {
        Linear layer = new Linear(64, 10, new Rng(3));
        assertThat(layer.namedParameters()).containsOnlyKeys("weight", "bias");
        assertThat(layer.weight().shape()).containsExactly(10, 64);
        assertThat(layer.bias().shape()).containsExactly(10);
        assertThat(layer.parameterCount()).isEqualTo(650);
        assertThat(layer.weight().value().dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void canLeaveOutTheBias() {
        Linear layer = Linear.builder(3, 2).bias(false).rng(new Rng(4)).build();
        assertThat(layer.bias()).isNull();
        assertThat(layer.namedParameters()).containsOnlyKeys("weight");
        assertThat(layer.forward(Tensors.zeros(1, 3)).toFloatArray()).containsExactly(0f, 0f);
        assertThat(layer).hasToString("Linear(3 -> 2, no bias)");
    }

    @Test
    void initialisationIsSeededAndBiasInitIsConfigurable() {
        float[] a = new Linear(5, 4, new Rng(9)).weight().value().toFloatArray();
        float[] b = new Linear(5, 4, new Rng(9)).weight().value().toFloatArray();
        assertThat(a).containsExactly(b);
        double bound = 1 / Math.sqrt(5);
        for (float v : a) {
            assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
        }
        Linear zeroBias = Linear.builder(5, 4).biasInit(new Zeros()).rng(new Rng(9)).build();
        assertThat(zeroBias.bias().value().toFloatArray()).containsOnly(0f);
    }

    @Test
    void aWrongInputWidthNamesTheLayerAndBothShapes() {
        Linear layer = new Linear(64, 10, new Rng(5));
        assertThatThrownBy(() -> layer.forward(Tensors.zeros(32, 63))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Linear(64 -> 10): expected input [..., 64] but was [32, 63]");
        assertThatThrownBy(() -> layer.forward(Tensors.scalar(1, DType.FLOAT32))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Linear(64 -> 10): expected input [..., 64] but was []");
    }

    @Test
    void aWrongInputDtypeSaysHowToFixIt() {
        Linear layer = new Linear(2, 1, new Rng(6));
        assertThatThrownBy(() -> layer.forward(Tensors.zeros(DType.FLOAT64, 1, 2))).isInstanceOf(DTypeMismatchException.class)
                .hasMessageContaining("Linear(2 -> 1): expected input FLOAT32 but was FLOAT64");
    }

    @Test
    void refusesNonsenseConfigurations() {
        assertThatThrownBy(() -> new Linear(0, 3, new Rng(0))).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Linear.builder(2, 3).build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Rng");
        assertThatThrownBy(() -> Linear.builder(2, 3).dtype(DType.INT64)).isInstanceOf(InvalidArgumentException.class);
    }
}

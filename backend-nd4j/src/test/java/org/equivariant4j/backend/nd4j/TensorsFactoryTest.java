package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.TensorTooLargeException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/** Tensors: the dtype rule, and ranges refused as PyTorch refuses them (by name, with the values), empty where PyTorch gives empty. */
class TensorsFactoryTest {

    /** One dtype rule, PyTorch's: floating tensors are FLOAT32 unless a dtype argument asks for another. */
    @Test
    void everyFloatingFactoryDefaultsToFloat32AndFloat64IsAskedFor() {
        Rng rng = new Rng(1);
        assertThat(Tensors.of(new double[] {0.1, 0.2}, 2).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensors.of(new float[] {0.1f, 0.2f}, 2).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensors.zeros(2, 2).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensors.ones(2).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensors.randn(rng, 3).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(Tensors.of(new double[] {0.1, 0.2}, DType.FLOAT64, 2).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Tensors.randn(rng, DType.FLOAT64, 3).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(Tensors.of(new int[] {1, 2}, 2).dtype()).isEqualTo(DType.INT64);
        assertThat(Tensors.of(new long[] {1, 2}, 2).dtype()).isEqualTo(DType.INT64);
    }

    @Test
    void doublesAskedAsFloat64KeepTheirValueAndTheDefaultRoundsToFloat() {
        double third = 1.0 / 3;
        assertThat(Tensors.of(new double[] {third}, DType.FLOAT64, 1).item()).isEqualTo(third);
        assertThat(Tensors.of(new double[] {third}, 1).item()).isEqualTo((double) (float) third);
    }

    @Test
    void arangeOfANegativeCountIsRefusedWithPyTorchsWords() {
        assertThatThrownBy(() -> Tensors.arange(-1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("arange: upper bound and larger bound inconsistent with step sign")
                .hasMessageContaining("end=-1");
        assertThat(Tensors.arange(0).shape()).containsExactly(0);
        assertThat(Tensors.arange(3).toLongArray()).containsExactly(0, 1, 2);
    }

    @Test
    void arangeWithBoundsAndStepFollowsPyTorch() {
        assertThat(Tensors.arange(0, 1, 0.25, DType.FLOAT64).toDoubleArray()).containsExactly(0, 0.25, 0.5, 0.75);
        assertThat(Tensors.arange(3, 0, -1, DType.FLOAT64).toDoubleArray()).containsExactly(3, 2, 1);
        assertThat(Tensors.arange(2, 2, 1, DType.FLOAT64).shape()).containsExactly(0);
        assertThatThrownBy(() -> Tensors.arange(0, 5, -1, DType.FLOAT64)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("inconsistent with step sign (start=0.0, end=5.0, step=-1.0)");
        assertThatThrownBy(() -> Tensors.arange(0, 5, 0, DType.FLOAT64)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("step must be finite and nonzero");
        assertThatThrownBy(() -> Tensors.arange(0, Double.NaN, 1, DType.FLOAT64)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("must be finite");
        assertThatThrownBy(() -> Tensors.arange(0, 1e12, 1, DType.FLOAT32)).isInstanceOf(TensorTooLargeException.class)
                .hasMessageContaining("1000000000000 elements");
    }
}

package org.equivariant4j.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class TwoSpiralsTest {

    @Test
    void hasBalancedClassesAndTheDocumentedLayout() {
        TensorDataset d = TwoSpirals.generate(200, 0.02, new Rng(0));
        assertThat(d.size()).isEqualTo(400);
        assertThat(d.features().shape()).containsExactly(400, 2);
        assertThat(d.features().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(d.labels().dtype()).isEqualTo(DType.INT64);
        long[] y = d.labels().toLongArray();
        assertThat(java.util.Arrays.stream(y).sum()).isEqualTo(200);
        assertThat(y[0]).isZero();
        assertThat(y[399]).isEqualTo(1);
    }

    @Test
    void withoutNoiseTheSpiralsArePointReflectionsOfEachOther() {
        float[] xy = TwoSpirals.generate(50, 0, new Rng(1)).features().toFloatArray();
        for (int i = 0; i < 50; i++) {
            assertThat(xy[2 * (50 + i)]).isCloseTo(-xy[2 * i], within(1e-6f));
            assertThat(xy[2 * (50 + i) + 1]).isCloseTo(-xy[2 * i + 1], within(1e-6f));
            double r = Math.hypot(xy[2 * i], xy[2 * i + 1]);
            assertThat(r).isCloseTo((i + 0.5) / 50, within(1e-6));
        }
    }

    @Test
    void isReproducibleFromTheSeed() {
        assertThat(TwoSpirals.generate(30, 0.1, new Rng(5)).features().toFloatArray())
                .containsExactly(TwoSpirals.generate(30, 0.1, new Rng(5)).features().toFloatArray());
        assertThatThrownBy(() -> TwoSpirals.generate(0, 0.1, new Rng(5))).isInstanceOf(InvalidArgumentException.class);
    }
}

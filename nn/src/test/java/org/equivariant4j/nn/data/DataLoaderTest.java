package org.equivariant4j.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** Example i has features [i, 10 i] and label i, so a batch reveals which examples it holds. */
    private static TensorDataset numbered(int n) {
        float[] f = new float[2 * n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            f[2 * i] = i;
            f[2 * i + 1] = 10 * i;
            y[i] = i;
        }
        return new TensorDataset(Tensors.of(f, n, 2), Tensors.of(y, n));
    }

    private static List<Long> labelsOf(Iterable<Batch> batches) {
        List<Long> out = new ArrayList<>();
        for (Batch b : batches) {
            for (long v : b.labels().toLongArray()) {
                out.add(v);
            }
        }
        return out;
    }

    @Test
    void servesEveryExampleInOrderWithoutShuffling() {
        DataLoader loader = DataLoader.builder(numbered(10)).batchSize(4).build();
        assertThat(loader.batchesPerEpoch()).isEqualTo(3);
        List<Batch> batches = new ArrayList<>();
        loader.epoch(0).forEach(batches::add);
        assertThat(batches).extracting(Batch::size).containsExactly(4, 4, 2);
        assertThat(batches.get(2).features().toFloatArray()).containsExactly(8, 80, 9, 90);
        assertThat(batches.get(0).labels().dtype()).isEqualTo(DType.INT64);
        assertThat(labelsOf(loader.epoch(0))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void dropLastDropsTheIncompleteBatch() {
        DataLoader loader = DataLoader.builder(numbered(10)).batchSize(4).dropLast(true).build();
        assertThat(loader.batchesPerEpoch()).isEqualTo(2);
        assertThat(labelsOf(loader.epoch(0))).hasSize(8);
    }

    @Test
    void shufflingIsAPermutationPerEpochReproducibleFromTheSeed() {
        DataLoader loader = DataLoader.builder(numbered(50)).batchSize(8).shuffle(42).build();
        List<Long> first = labelsOf(loader.epoch(0));
        List<Long> second = labelsOf(loader.epoch(1));
        assertThat(first).hasSize(50).doesNotHaveDuplicates();
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        assertThat(second).isNotEqualTo(first);
        DataLoader again = DataLoader.builder(numbered(50)).batchSize(8).shuffle(42).build();
        assertThat(labelsOf(again.epoch(1))).as("epoch 1 replayed without epoch 0").isEqualTo(second);
        assertThat(labelsOf(DataLoader.builder(numbered(50)).batchSize(8).shuffle(43).build().epoch(0))).isNotEqualTo(first);
    }

    @Test
    void featuresStayWithTheirLabels() {
        for (Batch b : DataLoader.builder(numbered(20)).batchSize(6).shuffle(1).build().epoch(0)) {
            float[] f = b.features().toFloatArray();
            long[] y = b.labels().toLongArray();
            for (int i = 0; i < y.length; i++) {
                assertThat(f[2 * i]).isEqualTo((float) y[i]);
                assertThat(f[2 * i + 1]).isEqualTo(10f * y[i]);
            }
        }
    }

    @Test
    void iteratingTheLoaderAdvancesTheEpoch() {
        DataLoader loader = DataLoader.builder(numbered(30)).batchSize(30).shuffle(7).build();
        assertThat(labelsOf(loader)).isEqualTo(labelsOf(loader.epoch(0)));
        assertThat(labelsOf(loader)).isEqualTo(labelsOf(loader.epoch(1)));
    }

    @Test
    void tensorDatasetServesSingleExamples() {
        Example e = numbered(5).get(3);
        assertThat(e.features().shape()).containsExactly(2);
        assertThat(e.features().toFloatArray()).containsExactly(3, 30);
        assertThat(e.label().shape()).isEmpty();
        assertThat(e.label().item()).isEqualTo(3);
        assertThatThrownBy(() -> numbered(5).get(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theDefaultBatchStacksExamples() {
        Dataset squares = new Dataset() {
            @Override
            public int size() {
                return 4;
            }

            @Override
            public Example get(int index) {
                return new Example(Tensors.of(new double[] {index, index * index}, DType.FLOAT64, 2), Tensors.scalar(index, DType.INT64));
            }
        };
        Batch b = squares.batch(new int[] {3, 1});
        assertThat(b.features().toDoubleArray()).containsExactly(3, 9, 1, 1);
        assertThat(b.labels().toLongArray()).containsExactly(3, 1);
    }

    @Test
    void refusesInconsistentOrEmptySetups() {
        Tensor f = Tensors.zeros(4, 2);
        assertThatThrownBy(() -> new TensorDataset(f, Tensors.of(new long[] {0, 1, 2}, 3))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("[4, 2] and [3]");
        assertThatThrownBy(() -> DataLoader.builder(numbered(3)).batchSize(4).dropLast(true).build())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("no batch");
        assertThatThrownBy(() -> DataLoader.builder(numbered(3)).batchSize(0).build()).isInstanceOf(InvalidArgumentException.class);
    }
}

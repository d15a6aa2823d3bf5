package org.equivariant4j.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.layer.Sequential;
import org.equivariant4j.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyDtypeRoundTripsExactly() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("f32", Tensors.of(new float[] {1.5f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, 3e-7f}, 3, 2));
        tensors.put("f64", Tensors.of(new double[] {Math.PI, -1e300, Double.MIN_VALUE, 0.1}, DType.FLOAT64, 2, 1, 2));
        tensors.put("i64", Tensors.of(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 4));
        tensors.put("i32", Tensors.backend().fromLongs(new long[] {Integer.MIN_VALUE, 5, Integer.MAX_VALUE}, new int[] {3},
                DType.INT32));
        tensors.put("bool", Tensors.of(new long[] {1, 0, 2}, 3).gt(0.5));
        tensors.put("scalar", Tensors.scalar(42, DType.FLOAT64));
        Path file = dir.resolve("all.safetensors");
        Safetensors.save(tensors, file, Map.of("note", "ünïcödé ✓"));

        Map<String, Tensor> loaded = Safetensors.load(file);
        assertThat(loaded.keySet()).containsExactly("f32", "f64", "i64", "i32", "bool", "scalar");
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor got = loaded.get(e.getKey());
            assertThat(got.dtype()).as(e.getKey()).isEqualTo(e.getValue().dtype());
            assertThat(got.shape()).as(e.getKey()).containsExactly(e.getValue().shape());
        }
        assertThat(loaded.get("f32").toFloatArray()).containsExactly(tensors.get("f32").toFloatArray());
        assertThat(loaded.get("f64").toDoubleArray()).containsExactly(tensors.get("f64").toDoubleArray());
        assertThat(loaded.get("i64").toLongArray()).containsExactly(Long.MIN_VALUE, -1, 0, Long.MAX_VALUE);
        assertThat(loaded.get("i32").toLongArray()).containsExactly(Integer.MIN_VALUE, 5, Integer.MAX_VALUE);
        assertThat(loaded.get("bool").toLongArray()).containsExactly(1, 0, 1);
        assertThat(loaded.get("scalar").item()).isEqualTo(42);
        assertThat(Safetensors.readMetadata(file)).containsExactly(Map.entry("note", "ünïcödé ✓"));
    }

    @Test
    void aLargeTensorCrossesTheChunkBoundaries() {
        double[] v = new double[300_001];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5 - 7;
        }
        Path file = dir.resolve("big.safetensors");
        Safetensors.save(Map.of("big", Tensors.of(v, DType.FLOAT64, v.length)), file, Map.of());
        // isEqualTo compares with Arrays.equals; containsExactly is quadratic on 300k entries.
        assertThat(Safetensors.load(file).get("big").toDoubleArray()).isEqualTo(v);
    }

    @Test
    void aModuleRestoresItsParametersAndBuffers() {
        Sequential model = new Sequential(new MLP(new int[] {3, 8, 4}, ReLU::new, new Rng(1)), new BatchNorm(4));
        model.forward(Tensors.randn(new Rng(2), 16, 3));
        Path file = dir.resolve("model.safetensors");
        Safetensors.save(model, file, Map.of("epoch", "1"));

        Sequential fresh = new Sequential(new MLP(new int[] {3, 8, 4}, ReLU::new, new Rng(99)), new BatchNorm(4));
        Safetensors.loadInto(fresh, file);
        model.eval();
        fresh.eval();
        Tensor x = Tensors.randn(new Rng(3), 5, 3);
        assertThat(fresh.forward(x).toFloatArray()).containsExactly(model.forward(x).toFloatArray());
        assertThat(fresh.stateDict().get("1.num_batches_tracked").item()).isEqualTo(1);
    }

    @Test
    void loadingIntoAModuleOfAnotherShapeListsEveryMismatchAndChangesNothing() {
        Path file = dir.resolve("small.safetensors");
        Safetensors.save(new MLP(new int[] {3, 8, 2}, ReLU::new, new Rng(1)), file, Map.of());
        MLP other = new MLP(new int[] {3, 5, 2, 2}, ReLU::new, new Rng(2));
        float[] before = other.parameters().get(0).value().toFloatArray();
        assertThatThrownBy(() -> Safetensors.loadInto(other, file)).isInstanceOf(StateDictMismatchException.class)
                .hasMessageContaining("missing [layers.4.bias, layers.4.weight]")
                .hasMessageContaining("layers.0.weight: expected shape [5, 3] but was [8, 3]")
                .hasMessageContaining("layers.2.weight: expected shape [2, 5] but was [2, 8]");
        assertThat(other.parameters().get(0).value().toFloatArray()).containsExactly(before);
    }
}

package org.equivariant4j.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-memory form ({@link Safetensors#encode}, {@link Safetensors#decode}) is the file form: the same bytes, and
 * the same validation of untrusted input.
 */
class SafetensorsBytesTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> tensors() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("w", Tensors.of(new double[] {Math.PI, -1e300, Double.MIN_VALUE, 0.1, 2, 3}, DType.FLOAT64, 2, 3));
        t.put("b", Tensors.of(new float[] {1.5f, -0f, Float.NaN}, 3));
        t.put("steps", Tensors.of(new long[] {Long.MAX_VALUE}, 1));
        return t;
    }

    @Test
    void encodeGivesTheBytesOfTheFileAndDecodeReadsThemBack() throws IOException {
        Path file = dir.resolve("t.safetensors");
        Safetensors.save(tensors(), file, Map.of());
        byte[] bytes = Safetensors.encode(tensors());
        assertThat(bytes).isEqualTo(Files.readAllBytes(file));

        Map<String, Tensor> back = Safetensors.decode(bytes);
        assertThat(back.keySet()).containsExactly("w", "b", "steps");
        assertThat(back.get("w").dtype()).isEqualTo(DType.FLOAT64);
        assertThat(back.get("w").shape()).containsExactly(2, 3);
        assertThat(back.get("w").toDoubleArray()).containsExactly(tensors().get("w").toDoubleArray());
        assertThat(back.get("b").toFloatArray()).containsExactly(1.5f, -0f, Float.NaN);
        assertThat(back.get("steps").toLongArray()).containsExactly(Long.MAX_VALUE);
    }

    @Test
    void truncatedOrHostileBytesFailAsAFileWould() {
        byte[] bytes = Safetensors.encode(tensors());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 5);
        assertThatThrownBy(() -> Safetensors.decode(truncated)).isInstanceOf(CheckpointException.class);
        assertThatThrownBy(() -> Safetensors.decode(new byte[3])).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("too short");

        byte[] hugeHeader = bytes.clone();
        ByteBuffer.wrap(hugeHeader).order(ByteOrder.LITTLE_ENDIAN).putLong(0, Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> Safetensors.decode(hugeHeader)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("exceeds the limit");

        byte[] pastEnd = bytes.clone();
        ByteBuffer.wrap(pastEnd).order(ByteOrder.LITTLE_ENDIAN).putLong(0, bytes.length);
        assertThatThrownBy(() -> Safetensors.decode(pastEnd)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("runs past the end");
    }

    @Test
    void namesAreCheckedAsWhenSaving() {
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("", Tensors.zeros(2));
        assertThatThrownBy(() -> Safetensors.encode(bad)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining("Safetensors.encode").hasMessageContaining("invalid tensor name");
    }
}

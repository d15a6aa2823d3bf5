package org.equivariant4j.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The bytes of a written file, checked against the safetensors specification field by field. */
class SafetensorsFormatTest {
    @TempDir
    Path dir;

    @Test
    void writesLengthHeaderAndLittleEndianDataAsSpecified() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("layer.weight", Tensors.of(new float[] {1, 2, 3, 4, 5, 6.5f}, 2, 3));
        tensors.put("steps", Tensors.of(new long[] {7, -1}, 2));
        Path file = dir.resolve("model.safetensors");
        Safetensors.save(tensors, file, Map.of("epoch", "3"));

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        long n = bytes.getLong(0);
        assertThat(n % 8).as("header padded so data starts 8-byte aligned").isZero();
        assertThat((long) bytes.capacity()).isEqualTo(8 + n + 6 * 4 + 2 * 8);

        String header = new String(bytes.array(), 8, (int) n, StandardCharsets.UTF_8);
        assertThat(header).startsWith("{");
        assertThat(header.strip()).endsWith("}");
        assertThat(header.substring(header.strip().length())).matches(" *");
        JsonNode json = new ObjectMapper().readTree(header);
        assertThat(json.size()).isEqualTo(3);
        assertThat(json.get("__metadata__").get("epoch").textValue()).isEqualTo("3");
        JsonNode weight = json.get("layer.weight");
        assertThat(weight.get("dtype").textValue()).isEqualTo("F32");
        assertThat(weight.get("shape").toString()).isEqualTo("[2,3]");
        assertThat(weight.get("data_offsets").toString()).isEqualTo("[0,24]");
        JsonNode steps = json.get("steps");
        assertThat(steps.get("dtype").textValue()).isEqualTo("I64");
        assertThat(steps.get("shape").toString()).isEqualTo("[2]");
        assertThat(steps.get("data_offsets").toString()).isEqualTo("[24,40]");

        int data = (int) (8 + n);
        float[] floats = new float[6];
        for (int i = 0; i < 6; i++) {
            floats[i] = bytes.getFloat(data + 4 * i);
        }
        assertThat(floats).containsExactly(1, 2, 3, 4, 5, 6.5f);
        assertThat(bytes.getLong(data + 24)).isEqualTo(7);
        assertThat(bytes.getLong(data + 32)).isEqualTo(-1);
        // Little-endian on disk whatever the platform: 1.0f is 00 00 80 3F.
        assertThat(new byte[] {bytes.get(data), bytes.get(data + 1), bytes.get(data + 2), bytes.get(data + 3)})
                .containsExactly(0x00, 0x00, 0x80, 0x3F);
    }

    @Test
    void leavesNoTemporaryFileAndReplacesAnExistingCheckpoint() throws IOException {
        Path file = dir.resolve("ckpt.safetensors");
        Safetensors.save(Map.of("x", Tensors.ones(3)), file, Map.of());
        Safetensors.save(Map.of("x", Tensors.zeros(5)), file, Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Safetensors.load(file).get("x").shape()).containsExactly(5);
    }

    @Test
    void omitsTheMetadataEntryWhenThereIsNone() throws IOException {
        Path file = dir.resolve("plain.safetensors");
        Safetensors.save(Map.of("x", Tensors.ones(1)), file, Map.of());
        byte[] all = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        String header = new String(all, 8, (int) n, StandardCharsets.UTF_8).strip();
        assertThat(header).isEqualTo("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("keep.safetensors");
        Safetensors.save(Map.of("x", Tensors.ones(2)), file, Map.of());
        byte[] before = Files.readAllBytes(file);
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("y", Tensors.ones(2));
        bad.put("__metadata__", Tensors.ones(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Safetensors.save(bad, file, Map.of()))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("invalid tensor name '__metadata__'");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}

package org.equivariant4j.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.layer.MLP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader treats a file as untrusted: every malformation is refused with a
 * {@link CheckpointException} that names the file and the problem, before any tensor is created
 * (never an OutOfMemoryError, an index error or a partial load). One test per malformation.
 */
class SafetensorsMalformedFileTest {
    @TempDir
    Path dir;

    /** A file with an honest header length. */
    private Path file(String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return raw(h.length, h, data);
    }

    /** A file whose 8-byte length field says {@code declaredLength}, followed by {@code header} and {@code data}. */
    private Path raw(long declaredLength, byte[] header, byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declaredLength).put(header).put(data);
        Path p = dir.resolve("bad.safetensors");
        Files.write(p, b.array());
        return p;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path p) {
        return assertThatThrownBy(() -> Safetensors.load(p)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(p.toString());
    }

    private static String entry(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    @Test
    void aFileShorterThanTheLengthField() throws IOException {
        Path p = dir.resolve("tiny.safetensors");
        Files.write(p, new byte[] {1, 2, 3});
        assertRefused(p).hasMessageContaining("3 bytes is too short");
    }

    @Test
    void aHeaderLengthOverTheCap() throws IOException {
        assertRefused(raw(200L * 1024 * 1024, new byte[] {'{', '}'}, new byte[0])).hasMessageContaining("header length 209715200"
                + " exceeds the limit of 104857600 bytes");
    }

    @Test
    void aHeaderLengthThatIsNegativeAsASignedLong() throws IOException {
        assertRefused(raw(-1L, new byte[] {'{', '}'}, new byte[0])).hasMessageContaining("header length 18446744073709551615"
                + " exceeds the limit");
    }

    @Test
    void aHeaderLengthBeyondTheEndOfTheFile() throws IOException {
        assertRefused(raw(1000, "{}".getBytes(StandardCharsets.UTF_8), new byte[0]))
                .hasMessageContaining("header length 1000 runs past the end of the file (10 bytes)");
    }

    @Test
    void aHeaderThatIsNotJson() throws IOException {
        assertRefused(file("{\"a\": {\"dtype\": \"F32\", ", new byte[0])).hasMessageContaining("not valid JSON");
    }

    @Test
    void aHeaderThatIsNotAnObject() throws IOException {
        assertRefused(file("[1, 2, 3]", new byte[0])).hasMessageContaining("does not start with '{'");
    }

    @Test
    void aHeaderThatIsNotUtf8() throws IOException {
        byte[] h = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        assertRefused(raw(h.length, h, new byte[0])).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void anUnknownDtype() throws IOException {
        assertRefused(file("{" + entry("w", "F33", "[1]", 0, 4) + "}", new byte[4]))
                .hasMessageContaining("tensor 'w': unknown dtype 'F33'; supported are [F32, F64, I32, I64, BOOL]");
    }

    @Test
    void aDtypeOfTheFormatThatHasNoTensorTypeHere() throws IOException {
        assertRefused(file("{" + entry("w", "F16", "[2]", 0, 4) + "}", new byte[4]))
                .hasMessageContaining("tensor 'w': dtype F16 is not supported");
    }

    @Test
    void aShapeThatDisagreesWithTheByteCount() throws IOException {
        assertRefused(file("{" + entry("w", "F32", "[2,3]", 0, 20) + "}", new byte[20]))
                .hasMessageContaining("tensor 'w': shape [2, 3] of F32 needs 24 bytes but data_offsets [0, 20] hold 20");
    }

    @Test
    void aShapeWithTooManyElementsOverflowsNothing() throws IOException {
        assertRefused(file("{" + entry("w", "F64", "[4294967295,4294967295,4294967295]", 0, 8) + "}", new byte[8]))
                .hasMessageContaining("more than");
        assertRefused(file("{" + entry("w", "F64", "[65536,65536]", 0, 8) + "}", new byte[8]))
                .hasMessageContaining("4294967296 elements, more than a tensor can hold");
    }

    @Test
    void aNegativeOrFractionalShapeEntry() throws IOException {
        assertRefused(file("{" + entry("w", "F32", "[-1]", 0, 4) + "}", new byte[4]))
                .hasMessageContaining("shape entry 0 must be a non-negative integer, was -1");
        assertRefused(file("{" + entry("w", "F32", "[1.5]", 0, 4) + "}", new byte[4]))
                .hasMessageContaining("shape entry 0 must be a non-negative integer, was 1.5");
    }

    @Test
    void offsetsThatEndBeforeTheyBegin() throws IOException {
        assertRefused(file("{" + entry("w", "F32", "[1]", 8, 4) + "}", new byte[8]))
                .hasMessageContaining("data_offsets [8, 4] end before they begin");
    }

    @Test
    void offsetsOutsideTheDataSection() throws IOException {
        assertRefused(file("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 4, 8) + "}", new byte[4]))
                .hasMessageContaining("data_offsets of 'b' F32[1] [4, 8) lie outside the data section of 4 bytes");
    }

    @Test
    void overlappingOffsets() throws IOException {
        assertRefused(file("{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[1]", 4, 8) + "}", new byte[8]))
                .hasMessageContaining("offsets of 'b' F32[1] [4, 8) overlap 'a' F32[2] [0, 8)");
    }

    @Test
    void nonContiguousOffsets() throws IOException {
        assertRefused(file("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("b", "F32", "[1]", 8, 12) + "}", new byte[12]))
                .hasMessageContaining("offsets are not contiguous: 4 unused bytes before 'b'");
    }

    @Test
    void dataThatDoesNotStartAtOffsetZero() throws IOException {
        assertRefused(file("{" + entry("a", "F32", "[1]", 4, 8) + "}", new byte[8]))
                .hasMessageContaining("4 unused bytes before 'a'");
    }

    @Test
    void bytesAfterTheLastTensor() throws IOException {
        assertRefused(file("{" + entry("a", "F32", "[1]", 0, 4) + "}", new byte[10]))
                .hasMessageContaining("6 bytes after the last tensor's data are not described by the header");
    }

    @Test
    void aTruncatedFile() throws IOException {
        Path good = dir.resolve("good.safetensors");
        Safetensors.save(Map.of("w", Tensors.ones(100)), good, Map.of());
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(all, all.length - 10));
        assertRefused(cut).hasMessageContaining("lie outside the data section of 390 bytes (the file is truncated");
    }

    @Test
    void aDuplicateTensorName() throws IOException {
        assertRefused(file("{" + entry("a", "F32", "[1]", 0, 4) + "," + entry("a", "F32", "[1]", 4, 8) + "}", new byte[8]))
                .hasMessageContaining("not valid JSON").hasMessageContaining("Duplicate field 'a'");
    }

    @Test
    void metadataThatIsNotAStringMap() throws IOException {
        assertRefused(file("{\"__metadata__\":{\"epoch\":3}," + entry("a", "F32", "[1]", 0, 4) + "}", new byte[4]))
                .hasMessageContaining("__metadata__ value of 'epoch' must be a string, was NUMBER");
    }

    @Test
    void anEntryWithMissingOrUnexpectedFields() throws IOException {
        assertRefused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", new byte[4]))
                .hasMessageContaining("tensor 'a': 'data_offsets' must be an array [begin, end]");
        assertRefused(file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", new byte[4]))
                .hasMessageContaining("unexpected field 'x'");
        assertRefused(file("{\"a\":[1,2]}", new byte[0])).hasMessageContaining("tensor 'a': expected an object");
    }

    @Test
    void aMissingFile() {
        Path p = dir.resolve("nothing-here.safetensors");
        assertRefused(p).hasMessageContaining("no such file");
    }

    @Test
    void aMalformedFileChangesNothingInTheModule() throws IOException {
        MLP model = new MLP(new int[] {2, 3}, ReLU::new, new Rng(1));
        Path good = dir.resolve("model.safetensors");
        Safetensors.save(new MLP(new int[] {2, 3}, ReLU::new, new Rng(2)), good, Map.of());
        byte[] all = Files.readAllBytes(good);
        Files.write(good, Arrays.copyOf(all, all.length - 1));
        float[] before = model.parameters().get(0).value().toFloatArray();
        assertThatThrownBy(() -> Safetensors.loadInto(model, good)).isInstanceOf(CheckpointException.class);
        assertThat(model.parameters().get(0).value().toFloatArray()).containsExactly(before);
    }
}

package org.equivariant4j.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyTest {
    @TempDir
    Path dir;

    private static NpyArray sample(NpyDType type) {
        int[] shape = {2, 3, 4};
        int n = 24;
        return switch (type) {
            case FLOAT32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i * 0.5f - 3.25f;
                }
                yield NpyArray.ofFloats(v, shape);
            }
            case FLOAT64 -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = Math.PI * i - 7;
                }
                yield NpyArray.ofDoubles(v, shape);
            }
            case INT64 -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (i - 5) * 1_000_000_007L;
                }
                yield NpyArray.ofLongs(v, shape);
            }
            case INT32 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (i - 12) * 99_991;
                }
                yield NpyArray.ofInts(v, shape);
            }
            case UINT8 -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (i * 37) % 256;
                }
                yield NpyArray.ofUnsignedBytes(v, shape);
            }
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    v[i] = i % 3 == 0;
                }
                yield NpyArray.ofBooleans(v, shape);
            }
            default -> throw new IllegalArgumentException(type.name());
        };
    }

    @ParameterizedTest(name = "{0} {1} fortran={2}")
    @CsvSource({"FLOAT32,LE,false", "FLOAT32,BE,true", "FLOAT64,LE,true", "FLOAT64,BE,false", "INT64,LE,false",
            "INT64,BE,true", "INT32,BE,false", "INT32,LE,true", "UINT8,LE,true", "BOOL,LE,false"})
    void roundTripsEveryDtypeOrderAndEndianness(NpyDType type, String endian, boolean fortran) throws IOException {
        NpyArray a = sample(type);
        ByteOrder order = endian.equals("BE") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] bytes = Npy.toBytes(a, order, fortran);

        NpyArray b = Npy.read(new ByteArrayInputStream(bytes), "mem.npy", bytes.length);

        assertThat(b.dtype()).isEqualTo(type);
        assertThat(b.shape()).containsExactly(2, 3, 4);
        assertThat(b.toDoubleArray()).containsExactly(a.toDoubleArray());
        assertThat((bytes.length - 24 * type.itemSize()) % 64).isZero(); // the data starts 64-byte aligned, as NumPy writes it
    }

    @Test
    void fortranOrderIsReadAsTheTransposedLayout() throws IOException {
        // A 2x3 Fortran array stores its columns one after the other.
        byte[] header = NpyBytes.header("{'descr': '<i8', 'fortran_order': True, 'shape': (2, 3), }", 1);
        java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : new long[] {1, 4, 2, 5, 3, 6}) {
            data.putLong(v);
        }
        byte[] file = concat(header, data.array());

        NpyArray a = Npy.read(new ByteArrayInputStream(file), "f.npy", file.length);

        assertThat(a.toLongArray()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void readsVersionTwoHeadersAndScalars() throws IOException {
        byte[] header = NpyBytes.header("{'descr': '>f8', 'fortran_order': False, 'shape': (), }", 2);
        byte[] data = java.nio.ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(2.5).array();
        byte[] file = concat(header, data);

        NpyArray a = Npy.read(new ByteArrayInputStream(file), "s.npy", file.length);

        assertThat(a.shape()).isEmpty();
        assertThat(a.getDouble(0)).isEqualTo(2.5);
    }

    @Test
    void writesFilesAndConvertsToTensors() {
        Path file = dir.resolve("a.npy");
        Npy.write(file, sample(NpyDType.UINT8));

        Tensor t = Npy.read(file).toTensor(DType.FLOAT32);

        assertThat(t.shape()).containsExactly(2, 3, 4);
        assertThat(t.toDoubleArray()[5]).isEqualTo((5 * 37) % 256);
    }

    @Test
    void refusesANonNpyFile() throws IOException {
        Path file = dir.resolve("x.npy");
        Files.writeString(file, "hello, world");
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(NpyFormatException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("magic");
    }

    @Test
    void refusesTruncatedData() throws IOException {
        byte[] full = Npy.toBytes(sample(NpyDType.FLOAT32), ByteOrder.LITTLE_ENDIAN, false);
        byte[] cut = Arrays.copyOf(full, full.length - 10);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(cut), "cut.npy", -1)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("cut.npy").hasMessageContaining("expected 96 bytes").hasMessageContaining("got 86");
    }

    @Test
    void refusesAShapeLargerThanTheFileBeforeAllocating() {
        byte[] file = concat(NpyBytes.header("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", 1), new byte[16]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(file), "huge.npy", file.length))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("huge.npy").hasMessageContaining("[100000, 100000]");
    }

    @Test
    void refusesUnsupportedDtypesAndMalformedHeaders() {
        byte[] complex = concat(NpyBytes.header("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", 1), new byte[16]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(complex), "c.npy", complex.length))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("'<c16'").hasMessageContaining("f4 (float32)");
        byte[] object = concat(NpyBytes.header("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", 1), new byte[8]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(object), "o.npy", object.length))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("unsupported dtype");
        byte[] noShape = concat(NpyBytes.header("{'descr': '<f4', 'fortran_order': False}", 1), new byte[4]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(noShape), "n.npy", noShape.length))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("'shape'");
        byte[] version = concat(NpyBytes.header("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 9), new byte[4]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(version), "v.npy", version.length))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("version 9");
    }

    @ParameterizedTest(name = "compressed={0}")
    @CsvSource({"false", "true"})
    void npzRoundTripsNamedArrays(boolean compressed) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("images", sample(NpyDType.UINT8));
        arrays.put("labels", sample(NpyDType.INT64));
        Path file = dir.resolve("d.npz");
        Npz.write(file, arrays, compressed);

        Map<String, NpyArray> back = Npz.readAll(file);

        assertThat(back.keySet()).containsExactly("images", "labels");
        assertThat(back.get("labels").toLongArray()).containsExactly(arrays.get("labels").toLongArray());
        assertThat(back.get("images").toDoubleArray()).containsExactly(arrays.get("images").toDoubleArray());
    }

    @Test
    void npzNamesTheMissingArrayAndTheOnesPresent() {
        Path file = dir.resolve("d.npz");
        Npz.write(file, Map.of("x", sample(NpyDType.FLOAT32)), true);
        try (Npz npz = Npz.open(file)) {
            assertThatThrownBy(() -> npz.get("y")).isInstanceOf(NpyFormatException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("'y'").hasMessageContaining("[x]");
        }
    }

    @Test
    void npzRefusesANonZipFile() throws IOException {
        Path file = dir.resolve("bad.npz");
        Files.writeString(file, "not a zip");
        assertThatThrownBy(() -> Npz.open(file)).isInstanceOf(NpyFormatException.class).hasMessageContaining("bad.npz");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package org.equivariant4j.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Files numpy 2.4.6 wrote ({@code numpy/make_reference_files.py} in the test resources): each must read
 * as numpy reads it, and what numpy writes but we do not support must be refused by name.
 */
class NumpyReferenceFilesTest {
    private static final double[] BASE = {-1.25, -0.75, -0.25, 0.25, 0.75, 1.25};

    static Path resource(String name) {
        try {
            return Path.of(NumpyReferenceFilesTest.class.getResource("numpy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsFloatsInEveryFormatVersionAndByteOrder() {
        for (String name : new String[] {"f4_c.npy", "f4_v2.npy", "f4_v3.npy", "f8_be.npy"}) {
            NpyArray a = Npy.read(resource(name));
            assertThat(a.shape()).as(name).containsExactly(2, 3);
            assertThat(a.toDoubleArray()).as(name).containsExactly(BASE);
        }
        assertThat(Npy.read(resource("f8_be.npy")).dtype()).isEqualTo(NpyDType.FLOAT64);
    }

    @Test
    void readsFortranOrderIntegersBytesBoolsAndScalars() {
        NpyArray f = Npy.read(resource("i8_fortran.npy"));
        assertThat(f.shape()).containsExactly(2, 3);
        assertThat(f.toLongArray()).containsExactly(-2000006, -1000003, 0, 1000003, 2000006, 3000009);
        assertThat(Npy.read(resource("u1.npy")).toLongArray()).containsExactly(0, 7, 255);
        assertThat(Npy.read(resource("b1.npy")).toLongArray()).containsExactly(1, 0, 0, 1);
        NpyArray s = Npy.read(resource("scalar_f8.npy"));
        assertThat(s.shape()).isEmpty();
        assertThat(s.getDouble(0)).isEqualTo(2.5);
    }

    @Test
    void unicodeStringsAreRefusedByNameNotReadAsUint16() {
        Path file = resource("u2_strings.npy");
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(NpyFormatException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("unsupported dtype '<U2'").hasMessageContaining("unicode");
    }

    @Test
    void readsSavezAndSavezCompressed() {
        for (String name : new String[] {"savez.npz", "savez_compressed.npz"}) {
            Map<String, NpyArray> arrays = Npz.readAll(resource(name));
            assertThat(arrays.keySet()).as(name).containsExactly("x", "labels");
            assertThat(arrays.get("x").toDoubleArray()).as(name).containsExactly(BASE);
            assertThat(arrays.get("labels").toLongArray()).as(name).containsExactly(3, 1, 4);
        }
    }
}

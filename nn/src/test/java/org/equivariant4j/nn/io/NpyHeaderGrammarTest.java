package org.equivariant4j.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The header grammar: what numpy writes reads, whatever else numpy's {@code literal_eval} might accept is
 * refused with a message naming the file and the problem (never read differently from numpy).
 */
class NpyHeaderGrammarTest {

    private static NpyArray read(String dict, int dataBytes) throws IOException {
        byte[] file = NpyBytes.file(dict, new byte[dataBytes]);
        return Npy.read(new ByteArrayInputStream(file), "h.npy", file.length);
    }

    @Test
    void readsWhatNumpyWritesInAnyKeyOrderAndSpacing() throws IOException {
        assertThat(read("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }", 48).shape()).containsExactly(3, 4);
        assertThat(read("{\"shape\":(3,),\"descr\":\"<i2\",\"fortran_order\":False}", 6).shape()).containsExactly(3);
        assertThat(read("{'descr': '|u1', 'fortran_order': False, 'shape': (), }", 1).shape()).isEmpty();
        assertThat(read("{'descr': '<u1', 'fortran_order': False, 'shape': (0, 5), }", 0).numel()).isZero();
        assertThat(read("{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 1L), }", 16).shape()).containsExactly(2, 1);
    }

    @Test
    void aDuplicatedKeyIsRefusedRatherThanReadAsEitherValue() {
        // numpy keeps the last descr ('<f8', 8 bytes per element), the old reader kept the first ('<f4').
        assertThatThrownBy(() -> read("{'descr': '<f4', 'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("h.npy")
                .hasMessageContaining("'descr' appears twice");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "'<U2'; unsupported dtype '<U2' (NumPy: unicode strings)",
        "'<u2 '; unsupported dtype '<u2 '",
        "'<F4'; unsupported dtype '<F4'",
        "'<c16'; unsupported dtype '<c16' (NumPy: complex numbers)",
        "'|O'; unsupported dtype '|O' (NumPy: Python objects (pickled))",
        "'<f2'; unsupported dtype '<f2' (NumPy: float16)",
        "'f4'; unsupported dtype 'f4'",
        "'=f4'; unsupported dtype '=f4'",
        "'|f4'; gives no byte order for a 4-byte type",
        "[('a', '<f4')]; structured (record) type",
        "b'<f4'; expected a quoted dtype",
        "'<f\\x34'; without escapes"})
    void refusesEveryOtherDescrByName(String descr, String message) {
        assertThatThrownBy(() -> read("{'descr': " + descr + ", 'fortran_order': False, 'shape': (1,), }", 4))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("h.npy").hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "(3); is not a tuple",
        "(-1,); negative dimension",
        "(1_0,); expected ',' or ')'",
        "(010,); expected a decimal dimension",
        "(0x10,); expected ',' or ')'",
        "(3000000000,); larger than 2147483647",
        "(99999999999999999999999,); larger than 2147483647",
        "[3]; 'shape' to be a tuple",
        "(3,,); expected a decimal dimension",
        "(True,); expected a decimal dimension"})
    void refusesShapesNumpyWouldNotWrite(String shape, String message) {
        assertThatThrownBy(() -> read("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }", 12))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }; must be True or False",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}; unexpected header key 'x'",
        "{'descr': '<f4', 'shape': (1,), }; has no 'fortran_order'",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), } x; only padding",
        "\"\t{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }\"; start with '{'",
        "{'descr': '<f4' 'fortran_order': False, 'shape': (1,), }; expected ',' or '}'",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), ; expected a quoted key"})
    void refusesMalformedDictionaries(String dict, String message) {
        assertThatThrownBy(() -> read(dict, 4)).isInstanceOf(NpyFormatException.class).hasMessageContaining(message);
    }

    @Test
    void aShapeOfMoreThan64DimensionsOrBytesIsRefusedBeforeAllocating() {
        String rank65 = "(" + "1, ".repeat(65) + ")";
        assertThatThrownBy(() -> read("{'descr': '<f4', 'fortran_order': False, 'shape': " + rank65 + ", }", 4))
                .hasMessageContaining("65 dimensions");
        String huge = "(" + "2147483647, ".repeat(8) + ")";
        assertThatThrownBy(() -> read("{'descr': '<f8', 'fortran_order': False, 'shape': " + huge + ", }", 8))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("over 2^63");
    }

    @Test
    void dataLongerOrShorterThanTheShapeIsRefused() {
        assertThatThrownBy(() -> read("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 9))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("8 bytes of data, but 9 bytes follow");
        assertThatThrownBy(() -> read("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 7))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("truncated");
    }

    @Test
    void headersBeyondNumpysLimitAndBadUtf8AreRefused() {
        byte[] big = NpyBytes.file("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }" + " ".repeat(20_000), new byte[4]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(big), "big.npy", big.length))
                .hasMessageContaining("more than the 10,000");
        byte[] v3 = NpyBytes.header("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 3);
        v3[20] = (byte) 0xC3; // a lone UTF-8 lead byte inside the dictionary
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(v3), "v3.npy", -1)).hasMessageContaining("UTF-8");
    }

    @Test
    void aFileAboveTheArrayLimitIsRefusedBeforeItsDataIsRead() {
        byte[] file = NpyBytes.file("{'descr': '<f8', 'fortran_order': False, 'shape': (1000,), }", new byte[8000]);
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(file), "l.npy", file.length, 4096))
                .isInstanceOf(NpyFormatException.class).hasMessageContaining("8,000 bytes")
                .hasMessageContaining("4,096 bytes this reader allows");
    }
}

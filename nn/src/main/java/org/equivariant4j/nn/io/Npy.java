package org.equivariant4j.nn.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0): float32/float64,
 * signed and unsigned integers, bool; C or Fortran order; little or big endian.
 *
 * <p>Files are untrusted. The header is parsed in the grammar NumPy writes ({@link NpyHeaderParser}),
 * at most {@value #MAX_HEADER} bytes as NumPy allows; a dtype we do not read ({@code '<U2'},
 * {@code '<c16'}, {@code '|O'}) is refused by name. The declared data must fill the rest of the file
 * exactly and be at most {@code maxArrayBytes} long, both checked before the data array is allocated,
 * so a read allocates about the file's length (twice for a Fortran-order array, which is reordered).
 * Where NumPy would read a file differently from us, we refuse it (a duplicated header key, bytes after
 * the data): every refusal is an {@link NpyFormatException} naming the file and what was expected.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /**
     * NumPy refuses headers longer than this by default ({@code max_header_size=10000}, a guard against
     * slow or huge literal parsing); it never writes one, as its header holds only three short keys.
     */
    static final int MAX_HEADER = 10_000;
    /**
     * The largest array read unless the caller allows more: 1 GiB, above every MedMNIST-3D split at
     * 64^3 (350 MB). The data of a compressed archive can declare up to 1032 times its size on disk,
     * so a bound independent of the file is needed; a heap too small for an allowed size still gives
     * an {@link NpyFormatException}, not an {@link OutOfMemoryError} ({@link HeapArrays}).
     */
    public static final long DEFAULT_MAX_ARRAY_BYTES = 1L << 30;

    private Npy() {
    }

    /** Reads the array in {@code file}, of at most {@link #DEFAULT_MAX_ARRAY_BYTES}. */
    public static NpyArray read(Path file) {
        return read(file, DEFAULT_MAX_ARRAY_BYTES);
    }

    /**
     * Reads the array in {@code file}; its data must fill the file exactly and be at most
     * {@code maxArrayBytes} long.
     *
     * @throws NpyFormatException if the file is missing, unreadable, malformed, of an unsupported dtype or too large
     */
    public static NpyArray read(Path file, long maxArrayBytes) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString(), Files.size(file), maxArrayBytes);
        } catch (NoSuchFileException e) {
            throw new NpyFormatException(file + ": not found", e);
        } catch (IOException e) {
            throw new NpyFormatException(file + ": cannot be read (" + e + ")", e);
        }
    }

    /** As {@link #read(InputStream, String, long, long)} with at most {@link #DEFAULT_MAX_ARRAY_BYTES}. */
    public static NpyArray read(InputStream in, String where, long available) throws IOException {
        return read(in, where, available, DEFAULT_MAX_ARRAY_BYTES);
    }

    /**
     * Reads one array from {@code in}; {@code where} names the source in errors. {@code available} is
     * the number of bytes the stream holds, or -1 if unknown: when known, the header's declared data
     * must fill it exactly (checked before the data is allocated) and the stream must end there;
     * when unknown, the data is read up to the declared length and the rest of the stream left alone.
     * The data may be at most {@code maxArrayBytes} long.
     */
    public static NpyArray read(InputStream in, String where, long available, long maxArrayBytes) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length + 2);
        if (magic.length < MAGIC.length + 2 || !startsWithMagic(magic)) {
            throw new NpyFormatException(where + ": not a .npy file (expected the magic \\x93NUMPY and a version at the start,"
                    + " found " + magic.length + " bytes " + hex(magic) + ")");
        }
        int major = magic[6] & 0xFF;
        int minor = magic[7] & 0xFF;
        if ((major != 1 && major != 2 && major != 3) || minor != 0) {
            throw new NpyFormatException(where + ": unsupported .npy format version " + major + "." + minor
                    + " (expected 1.0, 2.0 or 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        long headerLength = readLittleEndian(in, lengthBytes, where);
        if (headerLength > MAX_HEADER) {
            throw new NpyFormatException(String.format(Locale.ROOT, "%s: the header declares %,d bytes, more than the %,d NumPy"
                    + " reads by default", where, headerLength, MAX_HEADER));
        }
        long prefix = MAGIC.length + 2 + lengthBytes + headerLength;
        if (available >= 0 && prefix > available) {
            throw new NpyFormatException(where + ": truncated header: expected " + headerLength + " header bytes but only "
                    + Math.max(0, available - MAGIC.length - 2 - lengthBytes) + " follow");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new NpyFormatException(where + ": truncated header: expected " + headerLength + " bytes but the file ends after "
                    + headerBytes.length);
        }
        NpyHeader header = NpyHeader.parse(decode(headerBytes, major, where), where, major);
        long expected = header.byteCount();
        String declared = header.dtype().code() + " " + Arrays.toString(header.shape());
        if (expected < 0 || expected > maxArrayBytes) {
            throw new NpyFormatException(String.format(Locale.ROOT, "%s: the header declares %s (%s bytes), more than the %,d bytes"
                    + " this reader allows (pass a larger maxArrayBytes to read it)", where, declared,
                    expected < 0 ? "over 2^63" : String.format(Locale.ROOT, "%,d", expected), maxArrayBytes));
        }
        if (available >= 0 && expected != available - prefix) {
            throw new NpyFormatException(String.format(Locale.ROOT, "%s: the header declares %s, %,d bytes of data, but %,d bytes"
                    + " follow the header%s", where, declared, expected, available - prefix,
                    expected > available - prefix ? " (truncated?)" : ""));
        }
        byte[] data = HeapArrays.bytes(expected, where + ": the data of " + declared, NpyFormatException::new);
        int read = in.readNBytes(data, 0, data.length);
        if (read < expected) {
            throw new NpyFormatException(where + ": truncated data: expected " + expected + " bytes for " + declared + " but got "
                    + read);
        }
        if (available >= 0 && in.read() != -1) {
            throw new NpyFormatException(where + ": more bytes follow the " + expected + " bytes of data than the source declared");
        }
        return new NpyArray(header.dtype(), header.shape(), normalise(data, header, where));
    }

    /** Versions 1.0 and 2.0 are latin-1, 3.0 is UTF-8 (refused if malformed rather than patched with U+FFFD). */
    private static String decode(byte[] bytes, int major, String where) {
        if (major != 3) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NpyFormatException(where + ": a version 3.0 header must be UTF-8 but is not (" + e + ")", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format(Locale.ROOT, "%02x", b & 0xFF));
        }
        return s.toString();
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static long readLittleEndian(InputStream in, int bytes, String where) throws IOException {
        byte[] b = in.readNBytes(bytes);
        if (b.length < bytes) {
            throw new NpyFormatException(where + ": truncated: expected a " + bytes + "-byte header length but the file ends");
        }
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** To little-endian C order. */
    private static ByteBuffer normalise(byte[] data, NpyHeader header, String where) {
        int item = header.dtype().itemSize();
        if (header.order() == ByteOrder.BIG_ENDIAN && item > 1) {
            swapBytes(data, item);
        }
        byte[] c = header.fortranOrder() && header.shape().length > 1
                ? reorder(data, HeapArrays.bytes(data.length, where + ": the C-order copy of a Fortran-order array",
                        NpyFormatException::new), header.shape(), item, true)
                : data;
        return ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void swapBytes(byte[] data, int item) {
        for (int at = 0; at < data.length; at += item) {
            for (int i = 0, j = item - 1; i < j; i++, j--) {
                byte t = data[at + i];
                data[at + i] = data[at + j];
                data[at + j] = t;
            }
        }
    }

    /**
     * Converts between Fortran and C order: walks the C-order multi-index with an odometer and keeps
     * the matching Fortran offset; {@code toC} says which side is the source.
     */
    private static byte[] reorder(byte[] data, byte[] out, int[] shape, int item, boolean toC) {
        int d = shape.length;
        long[] fortranStride = new long[d];
        long s = 1;
        for (int k = 0; k < d; k++) {
            fortranStride[k] = s;
            s *= shape[k];
        }
        int n = data.length / item;
        int[] idx = new int[d];
        long f = 0;
        for (int c = 0; c < n; c++) {
            int from = (int) (toC ? f : c) * item;
            int to = (int) (toC ? c : f) * item;
            System.arraycopy(data, from, out, to, item);
            for (int k = d - 1; k >= 0; k--) {
                idx[k]++;
                f += fortranStride[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                f -= fortranStride[k] * shape[k];
                idx[k] = 0;
            }
        }
        return out;
    }

    /** Writes {@code array} to {@code file} (little-endian, C order), atomically. */
    public static void write(Path file, NpyArray array) {
        AtomicFiles.write(file, toBytes(array, ByteOrder.LITTLE_ENDIAN, false));
    }

    /** The bytes of a {@code .npy} file holding {@code array}. */
    public static byte[] toBytes(NpyArray array, ByteOrder order, boolean fortranOrder) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(out, array, order, fortranOrder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code array} in the given byte order and memory order (format version 1.0). */
    public static void write(OutputStream out, NpyArray array, ByteOrder order, boolean fortranOrder) throws IOException {
        NpyHeader header = new NpyHeader(array.dtype(), order, fortranOrder, array.shape());
        byte[] dict = header.format().getBytes(StandardCharsets.ISO_8859_1);
        int unpadded = MAGIC.length + 2 + 2 + dict.length + 1;
        int padding = (64 - unpadded % 64) % 64;
        int length = dict.length + padding + 1;
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) (length & 0xFF), (byte) (length >>> 8)});
        out.write(dict);
        out.write(" ".repeat(padding).getBytes(StandardCharsets.ISO_8859_1));
        out.write('\n');
        ByteBuffer b = array.bytes();
        byte[] data = new byte[b.remaining()];
        b.get(data);
        int item = array.dtype().itemSize();
        if (fortranOrder && array.rank() > 1) {
            data = reorder(data, new byte[data.length], array.shape(), item, false);
        }
        if (order == ByteOrder.BIG_ENDIAN && item > 1) {
            swapBytes(data, item);
        }
        out.write(data);
    }
}

package org.equivariant4j.nn.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0): float32/float64,
 * signed and unsigned integers, bool; C or Fortran order; little or big endian. Files are
 * untrusted: the header is parsed strictly, its size bounded, and the data length checked against
 * what the file holds before anything large is allocated; every error names the file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy itself refuses headers beyond 10 kB unless told otherwise; 1 MB leaves room and bounds memory. */
    private static final int MAX_HEADER = 1 << 20;

    private Npy() {
    }

    /** Reads the array in {@code file}. */
    public static NpyArray read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one array from {@code in}; {@code where} names the source in errors, {@code available}
     * is the number of bytes the stream holds (or -1 if unknown) and bounds the allocation.
     */
    public static NpyArray read(InputStream in, String where, long available) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length + 2);
        if (magic.length < MAGIC.length + 2 || !startsWithMagic(magic)) {
            throw new NpyFormatException(where + ": not a .npy file (expected the magic \\x93NUMPY at the start)");
        }
        int major = magic[6];
        int headerLength;
        if (major == 1) {
            headerLength = readLittleEndian(in, 2, where);
        } else if (major == 2 || major == 3) {
            headerLength = readLittleEndian(in, 4, where);
        } else {
            throw new NpyFormatException(where + ": unsupported .npy format version " + major + "." + magic[7]
                    + " (expected 1.0, 2.0 or 3.0)");
        }
        if (headerLength < 0 || headerLength > MAX_HEADER) {
            throw new NpyFormatException(where + ": header length " + headerLength + " is out of range (at most " + MAX_HEADER + ")");
        }
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) {
            throw new NpyFormatException(where + ": truncated header: expected " + headerLength + " bytes but the file ends after "
                    + headerBytes.length);
        }
        String text = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text, where);
        long expected = header.byteCount();
        long prefix = MAGIC.length + 2 + (major == 1 ? 2 : 4) + headerLength;
        if (available >= 0 && expected > available - prefix) {
            throw new NpyFormatException(where + ": the header declares " + header.dtype().code() + " "
                    + java.util.Arrays.toString(header.shape()) + " (" + expected + " bytes) but only " + (available - prefix)
                    + " bytes of data follow");
        }
        if (expected > Integer.MAX_VALUE - 8) {
            throw new NpyFormatException(where + ": " + expected + " bytes of data are more than one array can hold");
        }
        byte[] data = in.readNBytes((int) expected);
        if (data.length < expected) {
            throw new NpyFormatException(where + ": truncated data: expected " + expected + " bytes for "
                    + header.dtype().code() + " " + java.util.Arrays.toString(header.shape()) + " but got " + data.length);
        }
        return new NpyArray(header.dtype(), header.shape(), normalise(data, header));
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readLittleEndian(InputStream in, int bytes, String where) throws IOException {
        byte[] b = in.readNBytes(bytes);
        if (b.length < bytes) {
            throw new NpyFormatException(where + ": truncated header length");
        }
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** To little-endian C order. */
    private static ByteBuffer normalise(byte[] data, NpyHeader header) {
        int item = header.dtype().itemSize();
        if (header.order() == ByteOrder.BIG_ENDIAN && item > 1) {
            swapBytes(data, item);
        }
        byte[] c = header.fortranOrder() && header.shape().length > 1 ? reorder(data, header.shape(), item, true) : data;
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
    private static byte[] reorder(byte[] data, int[] shape, int item, boolean toC) {
        int d = shape.length;
        long[] fortranStride = new long[d];
        long s = 1;
        for (int k = 0; k < d; k++) {
            fortranStride[k] = s;
            s *= shape[k];
        }
        byte[] out = new byte[data.length];
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
            data = reorder(data, array.shape(), item, false);
        }
        if (order == ByteOrder.BIG_ENDIAN && item > 1) {
            swapBytes(data, item);
        }
        out.write(data);
    }
}

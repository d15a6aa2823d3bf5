package org.equivariant4j.nn.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the format of the MNIST distribution: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}), plain or gzip-compressed ({@code .gz}, recognised by its magic bytes,
 * not its name).
 *
 * <p>The files are treated as untrusted: every header field is checked before anything is allocated, and
 * a file that is truncated, too long, of another element type or of an unexpected rank fails with an
 * {@link IdxFormatException} naming the file, what was expected and what was found. A plain file's
 * declared size must equal the bytes it holds, checked against its length before the data array exists,
 * so reading allocates about its length. A gzip file's inflated length is unknown until inflated, so its
 * data array grows (doubling) as bytes arrive, never beyond the declared size: the allocation stays within
 * about twice the bytes the file really inflates to, whatever its header claims. Only unsigned bytes
 * (type code 0x08, all MNIST-style files) are supported.
 */
public final class IdxReader {
    private static final int UBYTE = 0x08;
    /** Largest accepted payload: Java arrays are int-indexed. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /** Reads an IDX file of any rank. */
    public static IdxArray read(Path file) {
        return read(file, -1);
    }

    /** Reads an IDX file that must have {@code expectedRank} dimensions (1 for labels, 3 for images). */
    public static IdxArray read(Path file, int expectedRank) {
        if (!Files.isRegularFile(file)) {
            throw new IdxFormatException("IDX file " + file + ": not found (or not a regular file)");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, file.toString(), Files.size(file), expectedRank);
        } catch (IOException e) {
            throw new IdxFormatException("IDX file " + file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the IDX content of {@code source}, {@code length} bytes long, plain or gzip-compressed; {@code name} stands
     * for the file in errors (the fuzz corpus reads from memory).
     */
    static IdxArray read(InputStream source, String name, long length, int expectedRank) {
        try {
            InputStream raw = new BufferedInputStream(source);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw)) : raw;
            return parse(name, new DataInputStream(in), expectedRank, gzip ? -1 : length);
        } catch (IOException e) {
            // A corrupt gzip stream (bad header, bad deflate data, CRC or length trailer) ends here too.
            throw new IdxFormatException("IDX file " + name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** {@code length}: the bytes the (uncompressed) file holds, or -1 if unknown (gzip). */
    private static IdxArray parse(String file, DataInputStream in, int expectedRank, long length) throws IOException {
        byte[] magic = new byte[4];
        try {
            in.readFully(magic);
        } catch (EOFException e) {
            throw new IdxFormatException("IDX file " + file + ": expected a 4-byte header (0, 0, type, rank) but the file is shorter");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(String.format(Locale.ROOT, "IDX file %s: expected the magic bytes 0x00 0x00 but found"
                    + " 0x%02x 0x%02x; not an IDX file", file, magic[0] & 0xFF, magic[1] & 0xFF));
        }
        int type = magic[2] & 0xFF;
        if (type != UBYTE) {
            throw new IdxFormatException(String.format(Locale.ROOT, "IDX file %s: expected element type 0x08 (unsigned byte)"
                    + " but found 0x%02x; only unsigned-byte files (MNIST) are supported", file, type));
        }
        int rank = magic[3] & 0xFF;
        if (rank == 0) {
            throw new IdxFormatException("IDX file " + file + ": expected at least one dimension but the header declares 0");
        }
        if (expectedRank >= 0 && rank != expectedRank) {
            throw new IdxFormatException("IDX file " + file + ": expected " + expectedRank + " dimension(s) but found " + rank
                    + (expectedRank == 1 ? " (a labels file is idx1)" : expectedRank == 3 ? " (an images file is idx3)" : ""));
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw new IdxFormatException("IDX file " + file + ": expected " + rank + " dimension sizes in the header but the"
                        + " file ends after " + i);
            }
            if (dims[i] < 0) {
                throw new IdxFormatException("IDX file " + file + ": dimension " + i + " is negative (" + dims[i] + ")");
            }
            total *= dims[i];
            if (total > MAX_BYTES) {
                throw new IdxFormatException("IDX file " + file + ": dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1))
                        + "... declare more than " + MAX_BYTES + " values, more than this reader accepts");
            }
        }
        long header = 4 + 4L * rank;
        if (length >= 0 && length - header != total) {
            throw new IdxFormatException(String.format(Locale.ROOT, "IDX file %s: dimensions %s need %,d data bytes after the"
                    + " header but the file has %s", file, Arrays.toString(dims), total, length - header < total
                            ? String.format(Locale.ROOT, "only %,d (truncated?)", length - header)
                            : String.format(Locale.ROOT, "%,d more", length - header - total)));
        }
        byte[] data = length >= 0 ? readExactly(file, in, dims, (int) total) : readGrowing(file, in, dims, (int) total);
        if (in.read() != -1) {
            throw new IdxFormatException(String.format(Locale.ROOT, "IDX file %s: dimensions %s need %,d data bytes after the"
                    + " header but the file has more", file, Arrays.toString(dims), total));
        }
        return new IdxArray(dims, data);
    }

    /** The {@code total} data bytes of a plain file whose length was checked. */
    private static byte[] readExactly(String file, InputStream in, int[] dims, int total) throws IOException {
        byte[] data = HeapArrays.bytes(total, "IDX file " + file + ": the data of " + Arrays.toString(dims),
                IdxFormatException::new);
        int read = in.readNBytes(data, 0, total);
        if (read < total) {
            throw truncated(file, dims, total, read);
        }
        return data;
    }

    /** The {@code total} data bytes of a stream of unknown length, in an array grown only as bytes arrive. */
    private static byte[] readGrowing(String file, InputStream in, int[] dims, int total) throws IOException {
        byte[] data = new byte[Math.min(total, 1 << 16)];
        int read = 0;
        while (read < total) {
            if (read == data.length) {
                data = grow(file, dims, data, read, (int) Math.min(total, 2L * read));
            }
            int n = in.read(data, read, data.length - read);
            if (n < 0) {
                throw truncated(file, dims, total, read);
            }
            read += n;
        }
        return data;
    }

    private static byte[] grow(String file, int[] dims, byte[] data, int used, int capacity) {
        byte[] bigger = HeapArrays.bytes(capacity, "IDX file " + file + ": the data of " + Arrays.toString(dims),
                IdxFormatException::new);
        System.arraycopy(data, 0, bigger, 0, used);
        return bigger;
    }

    private static IdxFormatException truncated(String file, int[] dims, int total, int read) {
        return new IdxFormatException(String.format(Locale.ROOT, "IDX file %s: dimensions %s need %,d data bytes after the"
                + " header but the file has only %,d (truncated?)", file, Arrays.toString(dims), total, read));
    }
}

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
 * <p>The files are treated as untrusted: every header field is checked before anything is allocated (the
 * declared size must fit in memory limits and match the bytes actually present), and a file that is
 * truncated, too long, of another element type or of an unexpected rank fails with an
 * {@link IdxFormatException} naming the file, what was expected and what was found. Only unsigned bytes
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
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            InputStream in = raw;
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(raw));
            }
            return parse(file, new DataInputStream(in), expectedRank);
        } catch (IOException e) {
            throw new IdxFormatException("IDX file " + file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static IdxArray parse(Path file, DataInputStream in, int expectedRank) throws IOException {
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
        byte[] data = new byte[(int) total];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw new IdxFormatException(String.format(Locale.ROOT, "IDX file %s: dimensions %s need %,d data bytes after the"
                    + " header but the file has only %,d (truncated?)", file, Arrays.toString(dims), total, read));
        }
        if (in.read() != -1) {
            long extra = 1 + in.transferTo(java.io.OutputStream.nullOutputStream());
            throw new IdxFormatException(String.format(Locale.ROOT, "IDX file %s: dimensions %s need %,d data bytes after the"
                    + " header but the file has %,d more", file, Arrays.toString(dims), total, extra));
        }
        return new IdxArray(dims, data);
    }
}

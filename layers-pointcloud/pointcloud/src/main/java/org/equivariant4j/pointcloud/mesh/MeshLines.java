package org.equivariant4j.pointcloud.mesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.equivariant4j.core.error.MalformedFileException;

/**
 * Lines of an ASCII mesh file, read with a bound on their length, whitespace-split; '#' comments and blank lines
 * skipped. A line longer than the limit, a NUL or a non-ASCII byte ends the read with a
 * {@link MalformedFileException} naming the file and the line.
 */
final class MeshLines {
    private final InputStream in;
    private final String file;
    private final int maxLength;
    private final byte[] buffer;
    private final byte[] chunk = new byte[8192];
    private int chunkAt;
    private int chunkEnd;
    private long lineNumber;
    private boolean skipComments = true;

    MeshLines(InputStream in, String file, int maxLength) {
        this.in = in;
        this.file = file;
        this.maxLength = maxLength;
        this.buffer = new byte[maxLength];
    }

    long lineNumber() {
        return lineNumber;
    }

    /** Whether '#' starts a comment (OFF) or not. */
    void skipComments(boolean value) {
        skipComments = value;
    }

    /** The tokens of the next non-empty line, or null at the end of the file. */
    String[] next() {
        while (true) {
            String line = readLine();
            if (line == null) {
                return null;
            }
            if (skipComments) {
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    line = line.substring(0, hash);
                }
            }
            line = line.strip();
            if (!line.isEmpty()) {
                return line.split("\\s+");
            }
        }
    }

    /** The next non-empty line's tokens; the end of the file is an error naming what was expected. */
    String[] require(String what) {
        String[] t = next();
        if (t == null) {
            throw fail("the file ends where " + what + " was expected");
        }
        return t;
    }

    MalformedFileException fail(String message) {
        return new MalformedFileException(file + ": line " + lineNumber + ": " + message);
    }

    private String readLine() {
        int length = 0;
        boolean any = false;
        while (true) {
            if (chunkAt == chunkEnd) {
                try {
                    chunkEnd = in.read(chunk);
                } catch (IOException e) {
                    throw new UncheckedIOException("reading " + file, e);
                }
                chunkAt = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    if (!any) {
                        return null;
                    }
                    lineNumber++;
                    return new String(buffer, 0, length, StandardCharsets.US_ASCII);
                }
            }
            byte b = chunk[chunkAt++];
            any = true;
            if (b == '\n') {
                lineNumber++;
                return new String(buffer, 0, length, StandardCharsets.US_ASCII);
            }
            if (b == 0 || b < 0) {
                lineNumber++;
                throw fail("byte 0x" + Integer.toHexString(b & 0xff) + " is not ASCII text");
            }
            if (length == maxLength) {
                lineNumber++;
                throw fail("a line longer than " + maxLength + " characters");
            }
            buffer[length++] = b;
        }
    }

    /** A finite double, or an error naming the token and what it was for. */
    double number(String token, String what) {
        double v;
        try {
            v = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw fail(what + " '" + shorten(token) + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw fail(what + " '" + shorten(token) + "' is not finite");
        }
        return v;
    }

    /** An integer in {@code [0, max]}, or an error naming the token and what it was for. */
    int count(String token, String what, long max) {
        long v;
        try {
            v = Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw fail(what + " '" + shorten(token) + "' is not an integer");
        }
        if (v < 0 || v > max) {
            throw fail(what + " " + v + " is outside [0, " + max + "]");
        }
        return (int) v;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}

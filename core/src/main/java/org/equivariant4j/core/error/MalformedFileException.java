package org.equivariant4j.core.error;

/**
 * A data file (or a member of an archive) is not what its format requires, or asks for more than the
 * reader will allocate: truncated, corrupted (a checksum does not match), declaring a size its bytes
 * do not hold, or using a feature the reader does not support. Files are untrusted input, so every
 * reader refuses such a file with this exception (or a subclass for its format) before allocating
 * what the file claims; the message names the file, the member where there is one, what was
 * expected and what was found.
 */
public class MalformedFileException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public MalformedFileException(String message) {
        super(message);
    }

    public MalformedFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

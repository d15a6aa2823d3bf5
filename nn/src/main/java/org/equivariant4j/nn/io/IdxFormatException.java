package org.equivariant4j.nn.io;

import org.equivariant4j.core.error.MalformedFileException;

/**
 * A file is not a valid IDX file (or not the one the caller asked for): the message names the file,
 * what was expected and what was found, e.g. "expected 7,840 data bytes after the header but found 7,000".
 */
public class IdxFormatException extends MalformedFileException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

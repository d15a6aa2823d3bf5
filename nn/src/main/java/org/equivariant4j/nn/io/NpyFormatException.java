package org.equivariant4j.nn.io;

import org.equivariant4j.core.error.MalformedFileException;

/**
 * A file is not a valid (or not a supported) NumPy {@code .npy}/{@code .npz} file, or holds other
 * arrays than expected; the message names the file, the array and the expected and actual values.
 */
public class NpyFormatException extends MalformedFileException {
    private static final long serialVersionUID = 1L;

    public NpyFormatException(String message) {
        super(message);
    }

    public NpyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

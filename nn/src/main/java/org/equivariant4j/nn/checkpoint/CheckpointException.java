package org.equivariant4j.nn.checkpoint;

import org.equivariant4j.core.error.Equivariant4jException;

/**
 * A checkpoint could not be written, or a file is not a valid safetensors checkpoint; the message
 * names the file and what is wrong with it (e.g. "offsets of 'b' overlap 'a'").
 */
public class CheckpointException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}

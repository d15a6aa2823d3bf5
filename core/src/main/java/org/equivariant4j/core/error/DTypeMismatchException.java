package org.equivariant4j.core.error;

/** An op received tensors of data types it cannot combine; the message names the op and the types. */
public class DTypeMismatchException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public DTypeMismatchException(String message) {
        super(message);
    }
}

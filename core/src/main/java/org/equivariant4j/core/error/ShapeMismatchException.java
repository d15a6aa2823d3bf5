package org.equivariant4j.core.error;

/** An op or layer received a tensor whose shape it cannot accept; the message names the op and the shapes. */
public class ShapeMismatchException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String message) {
        super(message);
    }
}

package org.equivariant4j.core.error;

/**
 * The root of every exception equivariant4j throws on purpose. Unchecked: a wrong shape or a
 * missing backend is a programming or set-up error, not something a caller recovers from locally.
 */
public class Equivariant4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Equivariant4jException(String message) {
        super(message);
    }

    public Equivariant4jException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.equivariant4j.core.error;

/**
 * An argument the public API cannot accept: a negative size, a kernel that does not fit, an option out of its range.
 * Under our root, so a caller can tell equivariant4j's refusals apart from the JDK's; the message names the
 * class or op, what was expected and what was given. (More specific refusals have their own subclasses of
 * {@link Equivariant4jException}: shapes, dtypes, field types, ids, files.)
 */
public class InvalidArgumentException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}

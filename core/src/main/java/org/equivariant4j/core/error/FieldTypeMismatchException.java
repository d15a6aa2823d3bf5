package org.equivariant4j.core.error;

/** A layer received (or was composed with) a field of the wrong type; names the layer, both types and the fix. */
public class FieldTypeMismatchException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public FieldTypeMismatchException(String message) {
        super(message);
    }
}

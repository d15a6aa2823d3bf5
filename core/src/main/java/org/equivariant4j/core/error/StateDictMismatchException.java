package org.equivariant4j.core.error;

/** Loading a state dict found missing, unexpected or mis-shaped entries; the message lists every one of them. */
public class StateDictMismatchException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public StateDictMismatchException(String message) {
        super(message);
    }
}

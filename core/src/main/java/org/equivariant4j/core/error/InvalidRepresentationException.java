package org.equivariant4j.core.error;

/**
 * A representation declared by its author is not one: a matrix or permutation that is not invertible, or a map
 * g -> ρ(g) that is not a homomorphism. The message names the representation, the element(s) and what failed.
 */
public class InvalidRepresentationException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public InvalidRepresentationException(String message) {
        super(message);
    }
}

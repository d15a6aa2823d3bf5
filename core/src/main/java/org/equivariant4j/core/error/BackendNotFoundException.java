package org.equivariant4j.core.error;

/** No {@link org.equivariant4j.core.tensor.TensorBackend} was found on the class path. */
public class BackendNotFoundException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public BackendNotFoundException(String message) {
        super(message);
    }
}

package org.equivariant4j.fields.enf.pde;

import org.equivariant4j.core.error.Equivariant4jException;

/**
 * A PDE dataset cache file is not the one asked for, or is damaged: the message names the file, what was expected
 * and what was found. {@link PdeDataset#load} answers it by simulating the dataset again and replacing the file.
 */
public class PdeCacheException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public PdeCacheException(String message) {
        super(message);
    }

    public PdeCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.equivariant4j.graph.nbody;

import org.equivariant4j.core.error.Equivariant4jException;

/**
 * An N-body cache file is not the one asked for, or is damaged: the message names the file, what was
 * expected and what was found (e.g. "has 1,024 bytes, expected 41,300,044 for 3,000/2,000/2,000
 * trajectories"). {@link NBodyDataset#load} answers it by regenerating the splits and replacing the file.
 */
public class NBodyCacheException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public NBodyCacheException(String message) {
        super(message);
    }

    public NBodyCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.equivariant4j.core.error;

/** Two plugins (or two contributions) claim the same id; names both, with their jars. */
public class DuplicateIdException extends PluginLoadException {
    private static final long serialVersionUID = 1L;

    public DuplicateIdException(String message) {
        super(message);
    }
}

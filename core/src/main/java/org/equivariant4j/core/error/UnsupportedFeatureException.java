package org.equivariant4j.core.error;

/**
 * An object was asked for something it does not declare: the elements of a continuous group, the
 * standard representation of a group that does not act on space. The message names the object and
 * the feature, and points to what is available instead.
 */
public class UnsupportedFeatureException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String message) {
        super(message);
    }
}

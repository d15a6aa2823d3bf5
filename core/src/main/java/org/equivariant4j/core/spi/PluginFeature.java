package org.equivariant4j.core.spi;

/**
 * What a plugin declares it contributes. The runtime checks the declaration both ways: a declared
 * feature with no contribution, or a contribution that was not declared, is refused.
 */
public enum PluginFeature {
    /** Contributes {@link GroupProvider}s. */
    GROUPS,
    /** Contributes {@link LayerProvider}s. */
    LAYERS
}

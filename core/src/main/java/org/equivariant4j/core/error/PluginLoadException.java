package org.equivariant4j.core.error;

/**
 * A plugin could not be loaded: the message names the plugin, the jar it came from and what is
 * wrong with it. Subclasses distinguish the cases tools may want to report differently.
 */
public class PluginLoadException extends Equivariant4jException {
    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

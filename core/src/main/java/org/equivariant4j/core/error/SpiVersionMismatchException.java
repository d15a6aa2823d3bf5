package org.equivariant4j.core.error;

/** A plugin was built for an SPI version this host cannot load; names the plugin, its jar and both versions. */
public class SpiVersionMismatchException extends PluginLoadException {
    private static final long serialVersionUID = 1L;

    public SpiVersionMismatchException(String message) {
        super(message);
    }
}

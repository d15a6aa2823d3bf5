package org.equivariant4j.runtime;

import org.equivariant4j.core.spi.CodeLocation;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;

/** A plugin the runtime accepted: the instance, its descriptor (read once) and where it was loaded from. */
public record LoadedPlugin(Plugin plugin, PluginDescriptor descriptor, String source) {

    /** Wraps {@code plugin}, reading its descriptor and the jar or folder its class came from. */
    public static LoadedPlugin of(Plugin plugin) {
        return new LoadedPlugin(plugin, plugin.descriptor(), CodeLocation.of(plugin.getClass()));
    }

    public String id() {
        return descriptor.id();
    }

    @Override
    public String toString() {
        return descriptor.id() + " " + descriptor.version() + " from " + source;
    }
}

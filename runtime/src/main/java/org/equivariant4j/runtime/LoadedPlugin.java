package org.equivariant4j.runtime;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDeclaration;
import org.equivariant4j.core.spi.PluginDescriptor;

/**
 * A plugin the runtime accepted: what it declared (its descriptor and contributions, each getter
 * read once) and where it was loaded from.
 */
public record LoadedPlugin(PluginDeclaration declaration) {

    /**
     * Wraps {@code plugin}, reading its getters once.
     *
     * @throws org.equivariant4j.core.error.PluginLoadException when a getter throws, returns null or a list holding null
     */
    public static LoadedPlugin of(Plugin plugin) {
        return new LoadedPlugin(PluginDeclaration.read(plugin));
    }

    public Plugin plugin() {
        return declaration.plugin();
    }

    public PluginDescriptor descriptor() {
        return declaration.descriptor();
    }

    /** The jar or classes folder the plugin class came from. */
    public String source() {
        return declaration.source();
    }

    public String id() {
        return declaration.descriptor().id();
    }

    @Override
    public String toString() {
        return id() + " " + descriptor().version() + " from " + source();
    }
}

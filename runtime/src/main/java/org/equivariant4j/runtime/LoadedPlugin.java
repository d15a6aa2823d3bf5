package org.equivariant4j.runtime;

import java.net.URL;
import java.security.CodeSource;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;

/** A plugin the runtime accepted: the instance, its descriptor (read once) and where it was loaded from. */
public record LoadedPlugin(Plugin plugin, PluginDescriptor descriptor, String source) {

    /** Wraps {@code plugin}, reading its descriptor and the jar or folder its class came from. */
    public static LoadedPlugin of(Plugin plugin) {
        return new LoadedPlugin(plugin, plugin.descriptor(), sourceOf(plugin.getClass()));
    }

    public String id() {
        return descriptor.id();
    }

    static String sourceOf(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        URL location = cs == null ? null : cs.getLocation();
        return location == null ? "(unknown location of " + type.getName() + ")" : location.getPath();
    }

    @Override
    public String toString() {
        return descriptor.id() + " " + descriptor.version() + " from " + source;
    }
}

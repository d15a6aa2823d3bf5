package org.equivariant4j.runtime;

import java.util.List;

import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;

/**
 * A plugin's layer provider as the registry hands it out: the same provider, except that a
 * {@link #create} returning null is refused on the spot, naming the provider, the plugin and its jar,
 * instead of failing later in whatever uses the layer ({@code eq4j check}, the test kit). Providers
 * build layers lazily (discovery loads no engine), so this cannot be checked when the plugin is loaded.
 */
record CheckedLayerProvider(LayerProvider provider, LoadedPlugin plugin) implements LayerProvider {

    @Override
    public String id() {
        return provider.id();
    }

    @Override
    public String description() {
        return provider.description();
    }

    @Override
    public List<String> groups() {
        return provider.groups();
    }

    @Override
    public Module create(Group group, long seed) {
        Module layer = provider.create(group, seed);
        if (layer == null) {
            throw new PluginLoadException(plugin.declaration().who() + ": layer provider '" + provider.id() + "' ("
                    + provider.getClass().getName() + ").create(" + group + ", " + seed + ") returned null");
        }
        return layer;
    }

    @Override
    public String toString() {
        return provider.toString();
    }
}

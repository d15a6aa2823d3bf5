package org.equivariant4j.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.UnknownIdException;

import com.google.inject.Inject;

/** The accepted plugins by id. */
public final class PluginRegistry {
    private final Map<String, LoadedPlugin> plugins;

    @Inject
    PluginRegistry(Map<String, LoadedPlugin> plugins) {
        this.plugins = Map.copyOf(plugins);
    }

    /** Every plugin, sorted by id. */
    public List<LoadedPlugin> all() {
        return plugins.values().stream().sorted(Comparator.comparing(LoadedPlugin::id)).toList();
    }

    public LoadedPlugin plugin(String id) {
        LoadedPlugin p = plugins.get(id);
        if (p == null) {
            throw new UnknownIdException("plugin id", id, plugins.keySet().stream().sorted().toList());
        }
        return p;
    }
}

package org.equivariant4j.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.spi.LayerProvider;

import com.google.inject.Inject;

/** Every layer kind contributed by a plugin, by id. */
public final class LayerRegistry {
    private final Map<String, Contribution<LayerProvider>> providers;

    @Inject
    LayerRegistry(Map<String, Contribution<LayerProvider>> providers) {
        this.providers = Map.copyOf(providers);
    }

    public Contribution<LayerProvider> layer(String id) {
        Contribution<LayerProvider> c = providers.get(id);
        if (c == null) {
            throw new UnknownIdException("layer id", id, providers.keySet().stream().sorted().toList());
        }
        return c;
    }

    /** Every layer with its plugin, sorted by id. */
    public List<Contribution<LayerProvider>> all() {
        return providers.values().stream().sorted(Comparator.comparing(c -> c.provider().id())).toList();
    }
}

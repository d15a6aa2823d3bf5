package org.equivariant4j.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.LayerProvider;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the contributions of the accepted plugins into Guice {@link MapBinder}s keyed by id,
 * under strict settings (explicit bindings only). Duplicate ids are caught here first, so the
 * message names both plugins and their jars; MapBinder's own duplicate check stays as a backstop.
 */
final class PluginsModule extends AbstractModule {
    private final List<LoadedPlugin> plugins;

    PluginsModule(List<LoadedPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().requireAtInjectOnConstructors();
        binder().disableCircularProxies();

        MapBinder<String, LoadedPlugin> pluginBinder = MapBinder.newMapBinder(binder(), String.class, LoadedPlugin.class);
        MapBinder<String, Contribution<GroupProvider>> groupBinder = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<Contribution<GroupProvider>>() { });
        MapBinder<String, Contribution<LayerProvider>> layerBinder = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<Contribution<LayerProvider>>() { });
        MapBinder<String, Contribution<Experiment>> experimentBinder = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<Contribution<Experiment>>() { });

        Map<String, LoadedPlugin> pluginOwners = new HashMap<>();
        Map<String, LoadedPlugin> groupOwners = new HashMap<>();
        Map<String, LoadedPlugin> layerOwners = new HashMap<>();
        Map<String, LoadedPlugin> experimentOwners = new HashMap<>();
        for (LoadedPlugin p : plugins) {
            claim("plugin id", p.id(), p, pluginOwners);
            pluginBinder.addBinding(p.id()).toInstance(p);
            // The providers are wrapped so that a create() returning null is refused naming the plugin, not used.
            bindAll("group provider", p, p.declaration().groupProviders().stream()
                    .map(g -> (GroupProvider) new CheckedGroupProvider(g, p)).toList(), GroupProvider::id, groupOwners, groupBinder);
            bindAll("layer provider", p, p.declaration().layerProviders().stream()
                    .map(l -> (LayerProvider) new CheckedLayerProvider(l, p)).toList(), LayerProvider::id, layerOwners, layerBinder);
            bindAll("experiment", p, p.declaration().experiments(), Experiment::id, experimentOwners, experimentBinder);
        }
        bind(PluginRegistry.class);
        bind(GroupRegistry.class);
        bind(LayerRegistry.class);
        bind(ExperimentRegistry.class);
    }

    private static <T> void bindAll(String kind, LoadedPlugin p, List<T> providers, Function<T, String> id,
            Map<String, LoadedPlugin> owners, MapBinder<String, Contribution<T>> binder) {
        for (T t : providers) {
            claim(kind + " id", id.apply(t), p, owners);
            binder.addBinding(id.apply(t)).toInstance(new Contribution<>(t, p));
        }
    }

    private static void claim(String kind, String id, LoadedPlugin claimant, Map<String, LoadedPlugin> owners) {
        LoadedPlugin previous = owners.putIfAbsent(id, claimant);
        if (previous != null) {
            // The class names tell the two apart when both ids and jars coincide (two classes of one jar).
            throw new DuplicateIdException("duplicate " + kind + " '" + id + "': claimed by plugin '" + previous.id() + "' ("
                    + previous.plugin().getClass().getName() + ") from " + previous.source() + " and by plugin '" + claimant.id()
                    + "' (" + claimant.plugin().getClass().getName() + ") from " + claimant.source());
        }
    }
}

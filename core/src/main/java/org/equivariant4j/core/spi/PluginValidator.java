package org.equivariant4j.core.spi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.error.SpiVersionMismatchException;

/**
 * The handshake every plugin goes through, done by the host so no plugin can forget it: SPI
 * version, at least one contribution, declared features matching contributions both ways, and
 * provider ids unique within the plugin. Shared by the runtime (at load) and the test kit's
 * {@code PluginContractTest} (in the plugin's own build), so both apply the same rules.
 */
public final class PluginValidator {
    private final SpiVersion host;

    public PluginValidator(SpiVersion host) {
        this.host = host;
    }

    /**
     * Checks {@code plugin}, whose descriptor is {@code d} and whose jar or folder is {@code source}
     * (named in every message).
     *
     * @throws org.equivariant4j.core.error.PluginLoadException (or a subclass) naming what is wrong
     */
    public void validate(Plugin plugin, PluginDescriptor d, String source) {
        Source p = new Source(plugin, d.id(), source);
        if (!host.accepts(d.spiVersion())) {
            throw new SpiVersionMismatchException("plugin '" + d.id() + "' " + d.version() + " from " + p.source
                    + " was built for plugin SPI " + d.spiVersion() + " but this equivariant4j runtime speaks SPI " + host
                    + " (it loads plugins built for " + host.major() + ".0 to " + host + "); rebuild the plugin against"
                    + " equivariant4j-core with SPI " + host);
        }
        List<GroupProvider> groups = p.plugin.groupProviders();
        List<LayerProvider> layers = p.plugin.layerProviders();
        Set<PluginFeature> contributed = EnumSet.noneOf(PluginFeature.class);
        if (!groups.isEmpty()) {
            contributed.add(PluginFeature.GROUPS);
        }
        if (!layers.isEmpty()) {
            contributed.add(PluginFeature.LAYERS);
        }
        if (contributed.isEmpty()) {
            throw new PluginLoadException("plugin '" + d.id() + "' from " + p.source + " contributes nothing: override at least"
                    + " one of groupProviders() or layerProviders()");
        }
        Set<PluginFeature> declared = d.features().isEmpty() ? EnumSet.noneOf(PluginFeature.class) : EnumSet.copyOf(d.features());
        if (!declared.equals(contributed)) {
            List<String> problems = new ArrayList<>();
            for (PluginFeature f : declared) {
                if (!contributed.contains(f)) {
                    problems.add("declares " + f + " but contributes none");
                }
            }
            for (PluginFeature f : contributed) {
                if (!declared.contains(f)) {
                    problems.add("contributes " + f + " without declaring it");
                }
            }
            throw new PluginLoadException("plugin '" + d.id() + "' from " + p.source + ": " + String.join("; ", problems));
        }
        requireUniqueIds(p, "group provider", groups, GroupProvider::id);
        requireUniqueIds(p, "layer provider", layers, LayerProvider::id);
    }

    private record Source(Plugin plugin, String id, String source) {
    }

    private static <T> void requireUniqueIds(Source p, String kind, List<T> providers, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T t : providers) {
            String i = id.apply(t);
            if (i == null || i.isBlank()) {
                throw new PluginLoadException("plugin '" + p.id + "' from " + p.source + " has a " + kind + " with an empty id ("
                        + t.getClass().getName() + ")");
            }
            if (!seen.add(i)) {
                throw new DuplicateIdException("plugin '" + p.id + "' from " + p.source + " contributes two " + kind + "s with id '"
                        + i + "'");
            }
        }
    }
}

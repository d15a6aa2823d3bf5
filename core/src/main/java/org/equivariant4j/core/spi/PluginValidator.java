package org.equivariant4j.core.spi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.error.SpiVersionMismatchException;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.OptionSpec;

/**
 * The handshake every plugin goes through, done by the host so no plugin can forget it: SPI
 * version, at least one contribution, declared features matching contributions both ways,
 * provider and experiment ids present and unique within the plugin, and experiment ids and option
 * names fit for a command line. Shared by the runtime (at load) and the test kit's
 * {@code PluginContractTest} (in the plugin's own build), so both apply the same rules. The
 * plugin's getters were already called, guarded, by {@link PluginDeclaration#read}; the providers'
 * {@code id()} and {@code options()} are plugin code too and are guarded here the same way.
 */
public final class PluginValidator {
    private final SpiVersion host;

    public PluginValidator(SpiVersion host) {
        this.host = host;
    }

    /**
     * Checks the plugin {@code p} declares.
     *
     * @throws org.equivariant4j.core.error.PluginLoadException (or a subclass) naming the plugin, its jar and what is wrong
     */
    public void validate(PluginDeclaration p) {
        PluginDescriptor d = p.descriptor();
        if (!host.accepts(d.spiVersion())) {
            throw new SpiVersionMismatchException("plugin '" + d.id() + "' " + d.version() + " (" + p.plugin().getClass().getName()
                    + ") from " + p.source() + " was built for plugin SPI " + d.spiVersion() + " but this equivariant4j runtime"
                    + " speaks SPI " + host + " (it loads plugins built for " + host.major() + ".0 to " + host + "); rebuild the"
                    + " plugin against equivariant4j-core with SPI " + host);
        }
        Set<PluginFeature> contributed = EnumSet.noneOf(PluginFeature.class);
        if (!p.groupProviders().isEmpty()) {
            contributed.add(PluginFeature.GROUPS);
        }
        if (!p.layerProviders().isEmpty()) {
            contributed.add(PluginFeature.LAYERS);
        }
        if (!p.experiments().isEmpty()) {
            contributed.add(PluginFeature.EXPERIMENTS);
        }
        if (contributed.isEmpty()) {
            throw new PluginLoadException(p.who() + " contributes nothing: override at least one of groupProviders(),"
                    + " layerProviders() or experiments()");
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
            throw new PluginLoadException(p.who() + ": " + String.join("; ", problems));
        }
        requireUniqueIds(p, "group provider", p.groupProviders(), GroupProvider::id);
        requireUniqueIds(p, "layer provider", p.layerProviders(), LayerProvider::id);
        requireUniqueIds(p, "experiment", p.experiments(), Experiment::id);
        p.experiments().forEach(e -> requireRunnable(p, e));
    }

    /** Experiment ids and option names are typed on command lines: keep them plain, and options unique. */
    private static void requireRunnable(PluginDeclaration p, Experiment e) {
        if (!e.id().matches("[a-z0-9][a-z0-9._-]*")) {
            throw new PluginLoadException(p.who() + ": experiment id '" + e.id()
                    + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        List<OptionSpec> options = guarded(p, "experiment '" + e.id() + "' (" + e.getClass().getName() + ").options()", e::options);
        if (options == null) {
            throw new PluginLoadException(p.who() + ": experiment '" + e.id() + "' (" + e.getClass().getName()
                    + ").options() returned null (return List.of() for no options)");
        }
        Set<String> names = new HashSet<>();
        for (OptionSpec o : options) {
            if (o == null) {
                throw new PluginLoadException(p.who() + ": experiment '" + e.id() + "' has a null option in options()");
            }
            if (!names.add(o.name())) {
                throw new DuplicateIdException(p.who() + ": experiment '" + e.id() + "' declares option '" + o.name() + "' twice");
            }
        }
    }

    private static <T> void requireUniqueIds(PluginDeclaration p, String kind, List<T> providers, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T t : providers) {
            String i = guarded(p, "a " + kind + " (" + t.getClass().getName() + ").id()", () -> id.apply(t));
            if (i == null || i.isBlank()) {
                throw new PluginLoadException(p.who() + " has a " + kind + " with an empty id (" + t.getClass().getName() + ")");
            }
            if (!seen.add(i)) {
                throw new DuplicateIdException(p.who() + " contributes two " + kind + "s with id '" + i + "'");
            }
        }
    }

    /** Runs a provider's getter; its exception becomes ours, naming the plugin and the getter, with the cause attached. */
    private static <T> T guarded(PluginDeclaration p, String getter, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginLoadException(p.who() + ": " + getter + " threw " + e, e);
        }
    }
}

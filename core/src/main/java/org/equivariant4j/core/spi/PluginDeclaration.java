package org.equivariant4j.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.experiment.Experiment;

/**
 * Everything a plugin says about itself, read once through its getters: the descriptor and the
 * contributions, with the jar or folder its class came from. The getters are plugin code the host
 * does not trust: one that throws, returns null or returns a list holding null is refused here with
 * a {@link PluginLoadException} that names the plugin class, its jar and the getter, with the
 * plugin's own exception as the cause. Reading once also means the host never sees two different
 * answers from one plugin (the handshake checks exactly what gets registered).
 *
 * @param plugin         the plugin instance
 * @param source         its jar or classes folder ({@link CodeLocation})
 * @param descriptor     what {@link Plugin#descriptor()} returned
 * @param groupProviders what {@link Plugin#groupProviders()} returned (no nulls)
 * @param layerProviders what {@link Plugin#layerProviders()} returned (no nulls)
 * @param experiments    what {@link Plugin#experiments()} returned (no nulls)
 */
public record PluginDeclaration(Plugin plugin, String source, PluginDescriptor descriptor, List<GroupProvider> groupProviders,
        List<LayerProvider> layerProviders, List<Experiment> experiments) {

    public PluginDeclaration {
        groupProviders = List.copyOf(groupProviders);
        layerProviders = List.copyOf(layerProviders);
        experiments = List.copyOf(experiments);
    }

    /**
     * Calls each getter of {@code plugin} once.
     *
     * @throws PluginLoadException naming the plugin class, its jar and the getter that failed
     */
    public static PluginDeclaration read(Plugin plugin) {
        String source = CodeLocation.of(plugin.getClass());
        String who = "plugin class " + plugin.getClass().getName() + " from " + source;
        PluginDescriptor d = call(who, "descriptor()", plugin::descriptor);
        // From here on the message can name the plugin's id too.
        String named = who(d.id(), plugin, source);
        return new PluginDeclaration(plugin, source, d, list(named, "groupProviders()", plugin::groupProviders),
                list(named, "layerProviders()", plugin::layerProviders), list(named, "experiments()", plugin::experiments));
    }

    /** The plugin's id, class and jar, as every message about it starts. */
    public String who() {
        return who(descriptor.id(), plugin, source);
    }

    private static String who(String id, Plugin plugin, String source) {
        return "plugin '" + id + "' (" + plugin.getClass().getName() + ") from " + source;
    }

    private static <T> T call(String who, String getter, Supplier<T> supplier) {
        T value;
        try {
            value = supplier.get();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginLoadException(who + ": " + getter + " threw " + e, e);
        }
        if (value == null) {
            throw new PluginLoadException(who + ": " + getter + " returned null" + (getter.equals("descriptor()") ? ""
                    : " (return List.of() for no contributions)"));
        }
        return value;
    }

    private static <T> List<T> list(String who, String getter, Supplier<List<T>> supplier) {
        List<T> values = new ArrayList<>(call(who, getter, supplier));
        int hole = values.indexOf(null);
        if (hole >= 0) {
            throw new PluginLoadException(who + ": " + getter + " holds null at index " + hole + " of " + values.size()
                    + " (return only real contributions; List.of() for none)");
        }
        return values;
    }
}

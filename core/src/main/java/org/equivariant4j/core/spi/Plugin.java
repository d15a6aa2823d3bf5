package org.equivariant4j.core.spi;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;

/**
 * The one entry point of a plugin jar, found through {@link java.util.ServiceLoader} (register it
 * with {@code @AutoService(Plugin.class)}). Every contribution getter defaults to empty, so a
 * plugin overrides only what it provides and new kinds of contribution never break old plugins.
 * Implementations must be cheap to construct: heavy work belongs in the providers' {@code create}.
 *
 * <pre>{@code
 * @AutoService(Plugin.class)
 * public final class QuaternionPlugin implements Plugin {
 *     public PluginDescriptor descriptor() {
 *         return PluginDescriptor.of("quaternion-group", BuildInfo.version(QuaternionPlugin.class, "quaternion-group"),
 *                 SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS);
 *     }
 *     public List<GroupProvider> groupProviders() {
 *         return List.of(new QuaternionGroupProvider());
 *     }
 * }
 * }</pre>
 * {@code SpiVersion.MAJOR} and {@code MINOR} are compile-time constants, so the plugin's class records the SPI
 * version of the core it was compiled against (see {@link SpiVersion}); the host refuses a plugin built for a newer
 * minor or another major. Every getter is called once, at load, and is refused (naming the plugin class, its jar
 * and the getter) if it throws, returns null or returns a list holding null.
 * The whole example, with its group, irreps and contract tests, is the tutorial in {@code plugins/quaternion-group}.
 */
public interface Plugin {

    PluginDescriptor descriptor();

    default List<GroupProvider> groupProviders() {
        return List.of();
    }

    default List<LayerProvider> layerProviders() {
        return List.of();
    }

    /** Experiments this plugin contributes ({@code eq4j run <id>}); declare {@link PluginFeature#EXPERIMENTS}. Since SPI 1.1. */
    default List<Experiment> experiments() {
        return List.of();
    }
}

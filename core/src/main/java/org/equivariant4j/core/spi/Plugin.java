package org.equivariant4j.core.spi;

import java.util.List;

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
 *                 PluginFeature.GROUPS);
 *     }
 *     public List<GroupProvider> groupProviders() {
 *         return List.of(new QuaternionGroupProvider());
 *     }
 * }
 * }</pre>
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
}

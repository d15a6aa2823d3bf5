package org.equivariant4j.core.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who a plugin is: a unique id, its own version (filled in at build time, see {@link BuildInfo}),
 * the SPI version it was compiled against, and the features it contributes.
 */
public record PluginDescriptor(String id, String version, SpiVersion spiVersion, Set<PluginFeature> features) {

    public PluginDescriptor {
        if (id == null || id.isBlank() || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException("PluginDescriptor: id must be lower-case letters, digits, '.', '_' or '-', got '"
                    + id + "'");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("PluginDescriptor '" + id + "': version is empty (fill it in at build time)");
        }
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** A descriptor for the current SPI version. */
    public static PluginDescriptor of(String id, String version, PluginFeature... features) {
        return new PluginDescriptor(id, version, SpiVersion.CURRENT, Set.of(features));
    }

    @Override
    public String toString() {
        return id + " " + version + " (SPI " + spiVersion + ", " + features + ")";
    }
}

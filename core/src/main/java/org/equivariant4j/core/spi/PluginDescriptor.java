package org.equivariant4j.core.spi;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.equivariant4j.core.error.PluginLoadException;

/**
 * Who a plugin is: a unique id, its own version (filled in at build time, see {@link BuildInfo}),
 * the SPI version it was compiled against (recorded in the plugin's bytecode, see
 * {@link SpiVersion}), and the features it contributes.
 */
public record PluginDescriptor(String id, String version, SpiVersion spiVersion, Set<PluginFeature> features) {

    public PluginDescriptor {
        if (id == null || id.isBlank() || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new PluginLoadException("PluginDescriptor: id must be lower-case letters, digits, '.', '_' or '-', got '"
                    + id + "'");
        }
        if (version == null || version.isBlank()) {
            throw new PluginLoadException("PluginDescriptor '" + id + "': version is empty (fill it in at build time)");
        }
        if (spiVersion == null || features == null || features.stream().anyMatch(Objects::isNull)) {
            throw new PluginLoadException("PluginDescriptor '" + id + "': the SPI version and the features must not be null,"
                    + " got " + spiVersion + " and " + features);
        }
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /**
     * A descriptor for a plugin compiled against SPI {@code spiMajor.spiMinor}. Pass
     * {@link SpiVersion#MAJOR} and {@link SpiVersion#MINOR}: they are compile-time constants, so javac
     * writes the numbers of the core the plugin is compiled against into the plugin's own class, and
     * the host compares them with its own {@link SpiVersion#CURRENT} at load.
     */
    public static PluginDescriptor of(String id, String version, int spiMajor, int spiMinor, PluginFeature... features) {
        return new PluginDescriptor(id, version, new SpiVersion(spiMajor, spiMinor),
                features == null ? null : new HashSet<>(Arrays.asList(features)));
    }

    @Override
    public String toString() {
        return id + " " + version + " (SPI " + spiVersion + ", " + features + ")";
    }
}

package org.equivariant4j.core.spi;

import org.equivariant4j.core.error.TextFormatException;

/**
 * The version of the plugin SPI, {@code major.minor}. A host accepts a plugin built for the same
 * major version and a minor version no newer than its own: minor versions only add getters with
 * empty defaults (Trino's rule), so an older plugin keeps working.
 */
public record SpiVersion(int major, int minor) implements Comparable<SpiVersion> {

    /** The SPI version of this build of core. */
    public static final SpiVersion CURRENT = new SpiVersion(1, 0);

    public SpiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("SpiVersion: negative component in " + major + "." + minor);
        }
    }

    /** Parses {@code "1.0"}. */
    public static SpiVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        try {
            if (parts.length == 2) {
                return new SpiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the explanation below
        }
        throw new TextFormatException(text, "an SPI version major.minor such as '1.0'");
    }

    /** Whether a host of this version can load a plugin built for {@code pluginVersion}. */
    public boolean accepts(SpiVersion pluginVersion) {
        return pluginVersion.major == major && pluginVersion.minor <= minor;
    }

    @Override
    public int compareTo(SpiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}

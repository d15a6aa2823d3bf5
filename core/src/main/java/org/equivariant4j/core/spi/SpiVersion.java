package org.equivariant4j.core.spi;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.error.TextFormatException;

/**
 * The version of the plugin SPI, {@code major.minor}. A host accepts a plugin built for the same
 * major version and a minor version no newer than its own: minor versions only add getters with
 * empty defaults (Trino's rule), so an older plugin keeps working.
 *
 * <h2>Where a plugin's SPI version comes from</h2>
 * The version a plugin was compiled against must travel <em>inside the plugin</em>: anything the
 * plugin reads from core at run time (such as {@link #CURRENT}) is the host's core, so every plugin
 * would report the host's version and the handshake could never fail. {@link #MAJOR} and
 * {@link #MINOR} are therefore compile-time constants ({@code static final int} with a literal
 * initialiser). The Java Language Specification (JLS 13.1) requires javac to copy the value of such a
 * constant into every class that names it, so a plugin that passes them to its descriptor,
 * <pre>{@code
 * PluginDescriptor.of("my-plugin", BuildInfo.version(MyPlugin.class, "my-plugin"),
 *         SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS)
 * }</pre>
 * carries in its own bytecode the numbers of the core it was compiled against, whatever core later
 * loads it. This works with any build tool (Maven, Gradle, plain javac) and needs no generated
 * resource, and it cannot get separated from the code (as a resource can in a shaded jar). Never pass
 * {@code CURRENT.major()} or another run-time read there: it would always agree with the host (the test
 * kit's {@code PluginContractTest} fails a plugin class that reads {@code CURRENT}). The host itself uses
 * {@link #CURRENT}.
 */
public record SpiVersion(int major, int minor) implements Comparable<SpiVersion> {

    /**
     * Major SPI version of this core; a compile-time constant that javac inlines into each plugin (see
     * above). A major version may break plugins: the host refuses every other major.
     */
    public static final int MAJOR = 1;

    /**
     * Minor SPI version of this core; a compile-time constant that javac inlines into each plugin. 1.1
     * added {@code Plugin.experiments()}. Minors only add getters with empty defaults.
     */
    public static final int MINOR = 1;

    /** The SPI version of the core loaded at run time: the host's version in the handshake. */
    public static final SpiVersion CURRENT = new SpiVersion(MAJOR, MINOR);

    public SpiVersion {
        if (major < 0 || minor < 0) {
            throw new Equivariant4jException("SpiVersion: negative component in " + major + "." + minor);
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

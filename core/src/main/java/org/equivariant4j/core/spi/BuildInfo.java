package org.equivariant4j.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.equivariant4j.core.error.Equivariant4jException;

/**
 * Versions filled in at build time. Each module ships
 * {@code META-INF/equivariant4j/<module>.properties} with {@code version=${project.version}}
 * (Maven resource filtering), so a module, or a plugin, reports the version it was built as.
 */
public final class BuildInfo {

    private BuildInfo() {
    }

    /** The version of {@code module} as recorded in the jar that holds {@code anchor}. */
    public static String version(Class<?> anchor, String module) {
        String resource = "/META-INF/equivariant4j/" + module + ".properties";
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new Equivariant4jException("No build info for module '" + module + "': " + resource + " is missing next to "
                        + anchor.getName() + " (add it with version=${project.version} and enable resource filtering)");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            if (v == null || v.isBlank() || v.contains("${")) {
                throw new Equivariant4jException("Build info of module '" + module + "' has no filtered version (got '" + v
                        + "'): enable resource filtering for " + resource);
            }
            return v.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /** The version of core itself. */
    public static String coreVersion() {
        return version(BuildInfo.class, "core");
    }
}

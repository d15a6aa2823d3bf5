package org.equivariant4j.testkit.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Finds a plugin class that reads the host's SPI version at run time ({@code SpiVersion.CURRENT}, e.g.
 * {@code SpiVersion.CURRENT.major()}) instead of passing the compile-time constants {@code SpiVersion.MAJOR} and
 * {@code MINOR}: such a plugin would always report the version of whatever core loads it, and the handshake could
 * never refuse it. The constants leave no trace in the class file (javac copies their values), while reading
 * {@code CURRENT} leaves a field reference: the name {@code CURRENT} with the type {@code SpiVersion} in the
 * class's constant pool. A text scan of the class file is enough to see both.
 */
final class HostSpiRead {
    private static final String SPI_VERSION_TYPE = "Lorg/equivariant4j/core/spi/SpiVersion;";

    private HostSpiRead() {
    }

    /** Whether the class file of {@code type} refers to a field {@code CURRENT} of type {@code SpiVersion}. */
    static boolean readsCurrent(Class<?> type) {
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no class file " + file + " next to " + type.getName());
            }
            // Constant-pool names are modified UTF-8; both strings searched for are ASCII.
            String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return bytes.contains(SPI_VERSION_TYPE) && bytes.contains("CURRENT");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the class file of " + type.getName(), e);
        }
    }
}

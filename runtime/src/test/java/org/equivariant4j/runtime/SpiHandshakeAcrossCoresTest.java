package org.equivariant4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.jar.JarFile;

import org.equivariant4j.core.error.SpiVersionMismatchException;
import org.equivariant4j.core.spi.SpiVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SPI version handshake on plugins compiled against other cores, not on hand-built descriptors:
 * {@link CompiledPlugin} compiles one plugin source with {@code javac} against a stub core whose SPI
 * constants differ from this core's, jars it with its services file, and the current runtime loads the
 * jar through {@link java.util.ServiceLoader}. The plugin reports the version it was compiled against
 * only because javac copies the constants into its bytecode; were the version read from core at run
 * time, every plugin below would report this host's version and all would be accepted.
 */
class SpiHandshakeAcrossCoresTest {
    private static final SpiVersion HOST = SpiVersion.CURRENT;

    @Test
    void aPluginCompiledAgainstAnOlderMinorIsAcceptedAndReportsThatMinor(@TempDir Path work) throws IOException {
        assertThat(HOST.minor()).as("this test needs a host with minor >= 1 to have an older minor").isPositive();
        Path jar = CompiledPlugin.againstCoreSpeaking(HOST.major(), HOST.minor() - 1, work);
        try (URLClassLoader loader = loaderOf(jar)) {
            LoadedPlugin probe = EquivariantRuntime.load(loader).plugins().plugin(CompiledPlugin.ID);
            assertThat(probe.descriptor().spiVersion()).isEqualTo(new SpiVersion(HOST.major(), HOST.minor() - 1));
            assertThat(probe.source()).isEqualTo(jar.toString());
            assertThat(probe.plugin().getClass().getClassLoader()).as("the plugin class comes from the jar").isSameAs(loader);
        }
    }

    @Test
    void aPluginCompiledAgainstTheRealCoreReportsItsVersion(@TempDir Path work) throws IOException {
        Path jar = CompiledPlugin.againstRealCore(work);
        try (URLClassLoader loader = loaderOf(jar)) {
            assertThat(EquivariantRuntime.load(loader).plugins().plugin(CompiledPlugin.ID).descriptor().spiVersion())
                    .isEqualTo(HOST);
        }
    }

    @Test
    void aPluginCompiledAgainstANewerMinorIsRefusedNamingPluginJarAndBothVersions(@TempDir Path work) throws IOException {
        assertRefused(new SpiVersion(HOST.major(), HOST.minor() + 1), work);
    }

    @Test
    void aPluginCompiledAgainstANewerMajorIsRefused(@TempDir Path work) throws IOException {
        assertRefused(new SpiVersion(HOST.major() + 1, 0), work);
    }

    @Test
    void aPluginCompiledAgainstAnOlderMajorIsRefused(@TempDir Path work) throws IOException {
        assertThat(HOST.major()).as("this test needs a host with major >= 1 to have an older major").isPositive();
        assertRefused(new SpiVersion(HOST.major() - 1, HOST.minor() + 3), work);
    }

    /**
     * The guard behind the tests above: the SPI constants are compile-time constants of the real core (only a
     * constant expression is allowed as a {@code case} label), so javac inlines them into every real plugin too.
     */
    @Test
    void theRealCoresSpiNumbersAreCompileTimeConstants(@TempDir Path work) throws IOException {
        CompiledPlugin.compileAgainstRealCore("ConstantProbe", """
                import org.equivariant4j.core.spi.SpiVersion;

                class ConstantProbe {
                    static int which(int v) {
                        switch (v) {
                            case SpiVersion.MAJOR: return 0;
                            case -1 - SpiVersion.MINOR: return 1;
                            default: return 2;
                        }
                    }
                }
                """, work);
    }

    private static void assertRefused(SpiVersion builtFor, Path work) throws IOException {
        Path jar = CompiledPlugin.againstCoreSpeaking(builtFor.major(), builtFor.minor(), work);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertThat(j.getEntry("org/equivariant4j/core/spi/SpiVersion.class")).as("the stub core stays out of the plugin's jar")
                    .isNull();
        }
        try (URLClassLoader loader = loaderOf(jar)) {
            assertThatThrownBy(() -> EquivariantRuntime.load(loader)).isInstanceOf(SpiVersionMismatchException.class)
                    .hasMessageContaining("plugin '" + CompiledPlugin.ID + "' " + CompiledPlugin.VERSION + " ("
                            + CompiledPlugin.CLASS_NAME + ") from " + jar)
                    .hasMessageContaining("built for plugin SPI " + builtFor)
                    .hasMessageContaining("speaks SPI " + HOST);
        }
    }

    /** The jar on a class loader of its own; core, the runtime and the built-in plugins come from the parent. */
    private static URLClassLoader loaderOf(Path jar) throws IOException {
        return new URLClassLoader("plugin-jar", new URL[] {jar.toUri().toURL()}, SpiHandshakeAcrossCoresTest.class.getClassLoader());
    }
}

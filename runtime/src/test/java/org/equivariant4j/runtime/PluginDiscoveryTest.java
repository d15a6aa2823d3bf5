package org.equivariant4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.error.SpiVersionMismatchException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.spi.CodeLocation;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.SpiVersion;
import org.example.quaternion.QuaternionGroup;
import org.junit.jupiter.api.Test;

/**
 * Discovery through {@link java.util.ServiceLoader} on a real class path: the built-in groups plugin and the
 * quaternion plugin (written as a third party would) are found by {@link EquivariantRuntime#load()}. Broken
 * plugins are registered in services files under {@code src/test/service-files/<case>}, a folder that only a
 * class loader made for that case sees, so each failure goes through the same path as a real jar would.
 */
class PluginDiscoveryTest {
    // Named, not referenced as a class literal: javac would warn that the plugin's @AutoService annotation
    // (provided scope there) is missing here. Its location is that of QuaternionGroup, from the same jar.
    private static final String QUATERNION_PLUGIN = "org.example.quaternion.QuaternionPlugin";
    private static final String QUATERNION_JAR = CodeLocation.of(QuaternionGroup.class);

    @Test
    void findsTheBuiltInAndTheThirdPartyPluginOnTheClassPath() {
        EquivariantRuntime runtime = EquivariantRuntime.load();
        Group q8 = runtime.groups().group("Q8");
        Group d4 = runtime.groups().group("D4");

        assertThat(runtime.plugins().all()).extracting(p -> p.id() + " " + p.descriptor().version())
                .containsExactly("groups 0.1.0-SNAPSHOT", "quaternion-group 0.1.0-SNAPSHOT");
        assertThat(runtime.plugins().plugin("quaternion-group").source()).isEqualTo(QUATERNION_JAR);
        assertThat(runtime.groups().families()).extracting(c -> c.provider().id() + "@" + c.plugin().id())
                .contains("quaternion@quaternion-group", "dihedral@groups");
        assertThat(q8).isEqualTo(QuaternionGroup.Q8);
        assertThat(((FiniteGroup) q8).order()).isEqualTo(8);
        assertThat(d4.name()).isEqualTo("D4");
        assertThat(((FiniteGroup) d4).order()).isEqualTo(8);
    }

    @Test
    void aPluginBuiltForAnotherSpiIsRefusedNamingItsLocationAndBothVersions() throws IOException {
        try (URLClassLoader loader = seeing("future-spi")) {
            assertThatThrownBy(() -> EquivariantRuntime.load(loader)).isInstanceOf(SpiVersionMismatchException.class)
                    .hasMessageContaining("plugin 'future-spi' 3.1.4 (" + FutureSpiPlugin.class.getName() + ") from "
                            + CodeLocation.of(FutureSpiPlugin.class))
                    .hasMessageContaining("built for plugin SPI " + FutureSpiPlugin.BUILT_FOR)
                    .hasMessageContaining("speaks SPI " + SpiVersion.CURRENT);
        }
        assertThat(FutureSpiPlugin.BUILT_FOR).hasToString("2.0");
    }

    @Test
    void aDuplicateIdAcrossDiscoveredPluginsNamesBothPluginsAndTheirLocations() throws IOException {
        try (URLClassLoader loader = seeing("duplicate-id")) {
            assertThatThrownBy(() -> EquivariantRuntime.load(loader)).isInstanceOf(DuplicateIdException.class)
                    .hasMessageContaining("duplicate plugin id 'quaternion-group'")
                    .hasMessageContaining(QUATERNION_PLUGIN + ") from " + QUATERNION_JAR)
                    .hasMessageContaining(ImpostorQuaternionPlugin.class.getName() + ") from "
                            + CodeLocation.of(ImpostorQuaternionPlugin.class));
        }
    }

    @Test
    void aDiscoveredPluginThatContributesNothingIsRefused() throws IOException {
        try (URLClassLoader loader = seeing("hollow")) {
            assertThatThrownBy(() -> EquivariantRuntime.load(loader)).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("plugin 'hollow' (" + HollowPlugin.class.getName() + ") from "
                            + CodeLocation.of(HollowPlugin.class))
                    .hasMessageContaining("contributes nothing");
        }
    }

    /**
     * A class loader that adds the folder {@code src/test/service-files/<name>} (a services file and nothing else)
     * to the test class path; the plugin classes themselves come from the parent.
     */
    private static URLClassLoader seeing(String name) throws IOException {
        // Surefire runs in the module's folder, so the path is relative to runtime/.
        Path folder = Path.of("src", "test", "service-files", name);
        Path services = folder.resolve("META-INF/services/" + Plugin.class.getName());
        assertThat(Files.isRegularFile(services)).as("services file %s (run the tests from the runtime module)",
                services.toAbsolutePath()).isTrue();
        return new URLClassLoader("service-files/" + name, new URL[] {folder.toUri().toURL()},
                PluginDiscoveryTest.class.getClassLoader());
    }
}

package org.equivariant4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.spi.CodeLocation;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.runtime.MisbehavingPlugins.InvalidId;
import org.equivariant4j.runtime.MisbehavingPlugins.MissingCoreMethod;
import org.equivariant4j.runtime.MisbehavingPlugins.NullCreations;
import org.equivariant4j.runtime.MisbehavingPlugins.NullDescriptor;
import org.equivariant4j.runtime.MisbehavingPlugins.NullFamily;
import org.equivariant4j.runtime.MisbehavingPlugins.NullInProviderList;
import org.equivariant4j.runtime.MisbehavingPlugins.NullLayer;
import org.equivariant4j.runtime.MisbehavingPlugins.NullProviderList;
import org.equivariant4j.runtime.MisbehavingPlugins.ThrowingConstructor;
import org.equivariant4j.runtime.MisbehavingPlugins.ThrowingDescriptor;
import org.equivariant4j.runtime.MisbehavingPlugins.ThrowingProviderList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that breaks the SPI's contract is refused when it is loaded, through {@link java.util.ServiceLoader}
 * as a real jar would be, with our {@link PluginLoadException} naming the plugin class, its jar and the getter
 * that failed, and with the plugin's own exception as the cause: never a bare NPE from deep inside the host.
 */
class MisbehavingPluginsTest {
    private static final String JAR = CodeLocation.of(MisbehavingPlugins.class);

    @TempDir
    Path services;

    @Test
    void aNullDescriptor() throws IOException {
        assertThat(refusal(NullDescriptor.class)).hasMessage("plugin class " + NullDescriptor.class.getName() + " from " + JAR
                + ": descriptor() returned null").hasNoCause();
    }

    @Test
    void aThrowingDescriptor() throws IOException {
        assertThat(refusal(ThrowingDescriptor.class)).hasMessageStartingWith("plugin class " + ThrowingDescriptor.class.getName()
                + " from " + JAR + ": descriptor() threw java.lang.IllegalStateException: " + MisbehavingPlugins.BOOM)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage(MisbehavingPlugins.BOOM);
    }

    @Test
    void aLinkageErrorFromAGetterIsRefusedToo() throws IOException {
        assertThat(refusal(MissingCoreMethod.class)).hasMessageStartingWith("plugin class " + MissingCoreMethod.class.getName()
                + " from " + JAR + ": descriptor() threw java.lang.NoSuchMethodError").cause().isInstanceOf(NoSuchMethodError.class);
    }

    @Test
    void anInvalidId() throws IOException {
        assertThat(refusal(InvalidId.class)).hasMessageStartingWith("plugin class " + InvalidId.class.getName() + " from " + JAR
                + ": descriptor() threw").hasMessageContaining("id must be lower-case letters")
                .hasMessageContaining("got 'Not A Valid Id'").cause().isInstanceOf(PluginLoadException.class);
    }

    @Test
    void aNullProviderList() throws IOException {
        assertThat(refusal(NullProviderList.class)).hasMessage("plugin 'null-provider-list' (" + NullProviderList.class.getName()
                + ") from " + JAR + ": groupProviders() returned null (return List.of() for no contributions)");
    }

    @Test
    void aNullInTheProviderList() throws IOException {
        assertThat(refusal(NullInProviderList.class)).hasMessageStartingWith("plugin 'null-in-provider-list' ("
                + NullInProviderList.class.getName() + ") from " + JAR + ": groupProviders() holds null at index 1 of 2");
    }

    @Test
    void aThrowingProviderList() throws IOException {
        assertThat(refusal(ThrowingProviderList.class)).hasMessageStartingWith("plugin 'throwing-layers' ("
                + ThrowingProviderList.class.getName() + ") from " + JAR + ": layerProviders() threw")
                .cause().isInstanceOf(IllegalStateException.class).hasMessage(MisbehavingPlugins.BOOM);
    }

    @Test
    void aThrowingConstructorKeepsItsCause() throws IOException {
        assertThat(refusal(ThrowingConstructor.class)).hasMessageStartingWith("plugin class "
                + ThrowingConstructor.class.getName() + " from " + JAR + " could not be instantiated: its constructor threw"
                + " java.lang.IllegalStateException: " + MisbehavingPlugins.BOOM)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage(MisbehavingPlugins.BOOM);
    }

    /**
     * Providers build lazily (discovery loads no engine), so a {@code create} that returns null cannot be seen at
     * load: it is refused where it is called through the registries, naming the provider, plugin and jar.
     */
    @Test
    void aCreateThatReturnsNullIsRefusedWhereItIsCalled() throws IOException {
        String who = "plugin 'null-creations' (" + NullCreations.class.getName() + ") from " + JAR;
        try (URLClassLoader loader = registering(NullCreations.class)) {
            EquivariantRuntime runtime = EquivariantRuntime.load(loader);
            assertThatThrownBy(() -> runtime.groups().group("Nil1")).isInstanceOf(PluginLoadException.class)
                    .hasMessage(who + ": group family 'nil' (" + NullFamily.class.getName() + ").create(\"Nil1\") returned null");
            assertThatThrownBy(() -> runtime.layers().layer("nil-layer").provider().create(runtime.groups().group("Q8"), 3))
                    .isInstanceOf(PluginLoadException.class).hasMessage(who + ": layer provider 'nil-layer' ("
                            + NullLayer.class.getName() + ").create(Q8, 3) returned null");
        }
    }

    private PluginLoadException refusal(Class<? extends Plugin> plugin) throws IOException {
        try (URLClassLoader loader = registering(plugin)) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> EquivariantRuntime.load(loader));
            assertThat(thrown).as("loading %s", plugin.getName()).isExactlyInstanceOf(PluginLoadException.class);
            return (PluginLoadException) thrown;
        }
    }

    /** A class loader that sees a services file registering {@code plugin} (whose class comes from the test classes). */
    private URLClassLoader registering(Class<? extends Plugin> plugin) throws IOException {
        Path file = services.resolve("META-INF/services/" + Plugin.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, plugin.getName() + "\n");
        return new URLClassLoader("services-" + plugin.getSimpleName(), new URL[] {services.toUri().toURL()},
                MisbehavingPluginsTest.class.getClassLoader());
    }
}

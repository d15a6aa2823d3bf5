package org.equivariant4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.error.SpiVersionMismatchException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.junit.jupiter.api.Test;

/** The host's handshake and wiring, on plugin instances given directly. */
class EquivariantRuntimeTest {

    @Test
    void registriesExposeEveryContributionWithItsPlugin() {
        EquivariantRuntime rt = EquivariantRuntime.of(List.of(FakePlugin.groups("alpha", "a", "b"), FakePlugin.groups("beta", "c")));
        assertThat(rt.plugins().all()).extracting(LoadedPlugin::id).containsExactly("alpha", "beta");
        assertThat(rt.groups().families()).extracting(c -> c.provider().id() + "@" + c.plugin().id())
                .containsExactly("a@alpha", "b@alpha", "c@beta");
        assertThat(rt.plugins().plugin("beta").descriptor().version()).isEqualTo("1.2.3");
        assertThat(rt.plugins().plugin("beta").source()).contains("test-classes");
    }

    @Test
    void duplicatePluginIdNamesBothPluginsAndTheirJars() {
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.groups("same", "a"), FakePlugin.groups("same", "b"))))
                .isInstanceOf(DuplicateIdException.class).hasMessageContaining("duplicate plugin id 'same'")
                .hasMessageContaining("test-classes");
    }

    @Test
    void duplicateContributionIdNamesBothPlugins() {
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.groups("one", "fam"), FakePlugin.groups("two", "fam"))))
                .isInstanceOf(DuplicateIdException.class).hasMessageContaining("group provider id 'fam'")
                .hasMessageContaining("plugin 'one'").hasMessageContaining("plugin 'two'");
    }

    @Test
    void aPluginBuiltForAnotherSpiIsRefusedNamingBothVersions() {
        SpiVersion future = new SpiVersion(SpiVersion.CURRENT.major() + 1, 0);
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.builtFor("newer", future))))
                .isInstanceOf(SpiVersionMismatchException.class).hasMessageContaining("plugin 'newer'")
                .hasMessageContaining("SPI " + future).hasMessageContaining("SPI " + SpiVersion.CURRENT)
                .hasMessageContaining("test-classes");
        SpiVersion newerMinor = new SpiVersion(SpiVersion.CURRENT.major(), SpiVersion.CURRENT.minor() + 1);
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.builtFor("minor", newerMinor))))
                .isInstanceOf(SpiVersionMismatchException.class);
    }

    @Test
    void aNullPluginInTheListIsRefused() {
        assertThatThrownBy(() -> EquivariantRuntime.of(Arrays.asList(FakePlugin.groups("alpha", "a"), null)))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("holds null at index 1");
    }

    @Test
    void aPluginThatContributesNothingIsRefused() {
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.declaring("empty", Set.of(), false, false))))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("plugin 'empty'")
                .hasMessageContaining("contributes nothing");
    }

    @Test
    void declaredFeaturesMustMatchContributionsBothWays() {
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(
                FakePlugin.declaring("liar", Set.of(PluginFeature.GROUPS, PluginFeature.LAYERS), true, false))))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("declares LAYERS but contributes none");
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.declaring("shy", Set.of(PluginFeature.GROUPS), true, true))))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("contributes LAYERS without declaring it");
    }

    @Test
    void unknownNamesListWhatIsKnown() {
        EquivariantRuntime rt = EquivariantRuntime.of(List.of(FakePlugin.groups("alpha", "cyc")));
        assertThatThrownBy(() -> rt.groups().group("Q8")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("unknown group name 'Q8'").hasMessageContaining("cyc<n>: a test family [alpha]");
        assertThatThrownBy(() -> rt.layers().layer("conv")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("unknown layer id 'conv'");
        assertThatThrownBy(() -> rt.plugins().plugin("gamma")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("known: alpha");
    }

    @Test
    void aNameTwoFamiliesAcceptIsAnErrorNotAGuess() {
        EquivariantRuntime rt = EquivariantRuntime.of(List.of(FakePlugin.groups("one", "C"), FakePlugin.groups("two", "C4x")));
        assertThatThrownBy(() -> rt.groups().group("C4x2")).isInstanceOf(DuplicateIdException.class)
                .hasMessageContaining("plugin 'one'").hasMessageContaining("plugin 'two'");
    }

    @Test
    void eachRuntimeHasItsOwnRegistries() {
        EquivariantRuntime a = EquivariantRuntime.of(List.of(FakePlugin.groups("alpha", "a")));
        EquivariantRuntime b = EquivariantRuntime.of(List.of(FakePlugin.groups("beta", "b")));
        assertThat(a.plugins().all()).extracting(LoadedPlugin::id).containsExactly("alpha");
        assertThat(b.plugins().all()).extracting(LoadedPlugin::id).containsExactly("beta");
    }

    @Test
    void reportsItsOwnVersion() {
        assertThat(EquivariantRuntime.version()).isEqualTo("0.1.0-SNAPSHOT");
    }
}

package org.equivariant4j.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.error.PluginLoadException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.runtime.FakePlugin.FakeExperiment;
import org.junit.jupiter.api.Test;

/** Experiments go through the same handshake and wiring as groups and layers. */
class ExperimentRegistryTest {

    @Test
    void registryExposesEveryExperimentWithItsPluginSortedById() {
        EquivariantRuntime rt = EquivariantRuntime.of(List.of(
                FakePlugin.experiments("beta", new FakeExperiment("zeta"), new FakeExperiment("eta")),
                FakePlugin.experiments("alpha", new FakeExperiment("spirals"))));
        assertThat(rt.experiments().all()).extracting(c -> c.provider().id() + "@" + c.plugin().id())
                .containsExactly("eta@beta", "spirals@alpha", "zeta@beta");
        assertThat(rt.experiments().experiment("spirals").plugin().descriptor().version()).isEqualTo("2.0");
    }

    @Test
    void aPluginWithOnlyExperimentsIsAccepted() {
        EquivariantRuntime rt = EquivariantRuntime.of(List.of(
                FakePlugin.declaring("runner", Set.of(PluginFeature.EXPERIMENTS), false, false, true)));
        assertThat(rt.experiments().all()).extracting(c -> c.provider().id()).containsExactly("runner-experiment");
        assertThat(rt.groups().families()).isEmpty();
    }

    @Test
    void duplicateExperimentIdAcrossPluginsNamesBothPlugins() {
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.experiments("one", new FakeExperiment("spirals")),
                FakePlugin.experiments("two", new FakeExperiment("spirals")))))
                .isInstanceOf(DuplicateIdException.class).hasMessageContaining("duplicate experiment id 'spirals'")
                .hasMessageContaining("plugin 'one'").hasMessageContaining("plugin 'two'").hasMessageContaining("test-classes");
    }

    @Test
    void duplicateExperimentIdWithinAPluginIsRefused() {
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(
                FakePlugin.experiments("twice", new FakeExperiment("x"), new FakeExperiment("x")))))
                .isInstanceOf(DuplicateIdException.class).hasMessageContaining("plugin 'twice'")
                .hasMessageContaining("two experiments with id 'x'");
    }

    @Test
    void experimentsMustBeDeclaredBothWays() {
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(
                FakePlugin.declaring("liar", Set.of(PluginFeature.GROUPS, PluginFeature.EXPERIMENTS), true, false, false))))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("declares EXPERIMENTS but contributes none");
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(
                FakePlugin.declaring("shy", Set.of(PluginFeature.GROUPS), true, false, true))))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("contributes EXPERIMENTS without declaring it");
    }

    @Test
    void anExperimentIdOrOptionThatCannotBeTypedOnACommandLineIsRefused() {
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.experiments("p", new FakeExperiment("Two Spirals")))))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("experiment id 'Two Spirals'");
        OptionSpec lr = OptionSpec.ofDouble("lr", 0.1, "learning rate", 0, 1);
        assertThatThrownBy(() -> EquivariantRuntime.of(List.of(FakePlugin.experiments("p",
                new FakeExperiment("x", List.of(lr, lr))))))
                .isInstanceOf(DuplicateIdException.class).hasMessageContaining("experiment 'x' declares option 'lr' twice");
    }

    @Test
    void unknownExperimentListsTheKnownOnesWithTheirPlugins() {
        EquivariantRuntime rt = EquivariantRuntime.of(List.of(FakePlugin.experiments("alpha", new FakeExperiment("spirals"),
                new FakeExperiment("rotated-mnist"))));
        assertThatThrownBy(() -> rt.experiments().experiment("spiral")).isInstanceOf(UnknownIdException.class)
                .hasMessage("unknown experiment 'spiral'; known: rotated-mnist [alpha], spirals [alpha]");
    }
}

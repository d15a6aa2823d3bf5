package org.equivariant4j.nn.equivariant.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.SO2;
import org.junit.jupiter.api.Test;

/** What the plugin offers, how its instances start, and that a block asked for a continuous group refuses it by name. */
class EquivariantBlocksPluginTest {
    private final EquivariantBlocksPlugin plugin = new EquivariantBlocksPlugin();

    @Test
    void offersEveryBlockForTheBuiltInFiniteGroups() {
        assertThat(plugin.descriptor().features()).containsExactly(PluginFeature.LAYERS);
        assertThat(plugin.layerProviders()).extracting(LayerProvider::id).containsExactly("equivariant-linear",
                "pointwise-relu", "norm-nonlinearity", "gated-nonlinearity", "group-pooling", "equivariant-batch-norm");
        assertThat(plugin.layerProviders()).allSatisfy(p -> assertThat(p.groups()).as(p.id()).containsExactly("C2", "C4",
                "C8", "D1", "D4", "D8", "T", "O", "I"));
    }

    @Test
    void neutralStartsAreDrawnFromTheSeedAndTheBatchNormEvaluates() {
        // A zero bias, a norm ReLU at its identity start or unit statistics would hide a broken bias from the checks.
        for (String id : List.of("equivariant-linear", "norm-nonlinearity", "equivariant-batch-norm")) {
            Module block = provider(id).create(CyclicGroup.of(4), 3);
            block.stateDict().forEach((name, t) -> {
                if (name.startsWith("bias") || name.startsWith("running")) {
                    assertThat(t.toDoubleArray()).as("%s: %s", id, name).isNotEmpty().doesNotContain(0.0, 1.0);
                }
            });
        }
        assertThat(provider("equivariant-batch-norm").create(CyclicGroup.of(4), 3).isTraining()).isFalse();
    }

    @Test
    void aContinuousGroupIsRefusedNamingIt() {
        for (LayerProvider p : plugin.layerProviders()) {
            assertThatThrownBy(() -> p.create(SO2.group(), 1)).as(p.id()).isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("layer '" + p.id() + "' needs a finite group").hasMessageContaining("given SO(2)")
                    .hasMessageContaining("C_n or D_n");
        }
    }

    private LayerProvider provider(String id) {
        return plugin.layerProviders().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}

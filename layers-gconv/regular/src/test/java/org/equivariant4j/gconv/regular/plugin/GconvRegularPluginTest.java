package org.equivariant4j.gconv.regular.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.equivariant4j.core.error.UnsupportedFeatureException;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.groups.SO2;
import org.junit.jupiter.api.Test;

class GconvRegularPluginTest {
    private final GconvRegularPlugin plugin = new GconvRegularPlugin();

    @Test
    void offersTheConvolutionsAndTheExperiment() {
        assertThat(plugin.layerProviders()).extracting(LayerProvider::id)
                .containsExactly("lifting-conv-2d", "group-conv-2d", "lifting-conv-3d", "group-conv-3d");
        assertThat(plugin.experiments()).extracting(Experiment::id).containsExactly("gcnn-rotated-2d");
    }

    @Test
    void aGroupActingOnTheWrongSpaceIsRefusedNamingTheLayer() {
        LayerProvider conv2d = plugin.layerProviders().get(1);
        LayerProvider conv3d = plugin.layerProviders().get(3);
        assertThatThrownBy(() -> conv2d.create(SO2.group(), 1)).isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("layer 'group-conv-2d'").hasMessageContaining("SO(2)");
        assertThatThrownBy(() -> conv2d.create(FiniteRotationGroup.octahedral(), 1)).hasMessageContaining("R2");
        assertThatThrownBy(() -> conv3d.create(CyclicGroup.of(4), 1)).hasMessageContaining("R3");
    }
}

package org.equivariant4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;

import org.equivariant4j.core.error.PluginLoadException;
import org.junit.jupiter.api.Test;

/** A descriptor records what the plugin passes, the SPI version included, and refuses what it cannot carry. */
class PluginDescriptorTest {

    @Test
    void recordsTheSpiVersionThePluginPasses() {
        PluginDescriptor d = PluginDescriptor.of("p", "1.0", 1, 0, PluginFeature.GROUPS, PluginFeature.GROUPS);
        assertThat(d.spiVersion()).isEqualTo(new SpiVersion(1, 0));
        assertThat(d.features()).containsExactly(PluginFeature.GROUPS);
        assertThat(PluginDescriptor.of("p", "1.0", SpiVersion.MAJOR, SpiVersion.MINOR).spiVersion()).isEqualTo(SpiVersion.CURRENT);
    }

    @Test
    void refusesWhatItCannotCarryWithOurException() {
        assertThatThrownBy(() -> PluginDescriptor.of("Bad Id", "1.0", 1, 1)).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("got 'Bad Id'");
        assertThatThrownBy(() -> PluginDescriptor.of("p", " ", 1, 1)).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("version is empty");
        assertThatThrownBy(() -> PluginDescriptor.of("p", "1.0", 1, 1, PluginFeature.GROUPS, null))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("features must not be null");
        assertThatThrownBy(() -> new PluginDescriptor("p", "1.0", null, new HashSet<>(Arrays.asList(PluginFeature.LAYERS))))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("the SPI version");
    }
}

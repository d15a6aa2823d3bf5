package org.example.quaternion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.quaternion.DynamicTestRuns.outcomes;

import java.util.List;

import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.testkit.plugin.PluginContractTest;
import org.example.quaternion.DynamicTestRuns.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The plugin contract catches the one way to defeat the SPI handshake from inside a plugin: reading the host's
 * {@code SpiVersion.CURRENT} at run time instead of passing the constants javac copies into the plugin.
 */
class HostSpiReadTest {
    private static final String CHECK = "the plugin class does not read the host's SpiVersion.CURRENT";

    /** Reports whatever version the loading core speaks: every host would accept it. */
    public static final class HostVersionReadingPlugin implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("host-reader", "1.0", SpiVersion.CURRENT.major(), SpiVersion.CURRENT.minor(),
                    PluginFeature.GROUPS);
        }

        @Override
        public List<GroupProvider> groupProviders() {
            return List.of(new QuaternionGroupProvider());
        }
    }

    private static Outcome check(Class<? extends Plugin> plugin) {
        PluginContractTest contract = new PluginContractTest() {
            @Override
            protected Class<? extends Plugin> pluginClass() {
                return plugin;
            }
        };
        return outcomes(contract.pluginContract()).get(CHECK);
    }

    @Test
    void aPluginThatReadsTheHostsVersionFailsTheContract() {
        assertThat(check(HostVersionReadingPlugin.class)).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aPluginThatPassesTheConstantsPasses() {
        assertThat(check(QuaternionPlugin.class)).isEqualTo(Outcome.PASSED);
    }
}

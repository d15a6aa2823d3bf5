package org.equivariant4j.gconv.se3;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** The module's plugin meets the plugin contract: registration, descriptor, SPI handshake, its contributions. */
class Se3SeparablePluginContractTest extends PluginContractTest {
    @Override
    protected Class<? extends Plugin> pluginClass() {
        return Se3SeparablePlugin.class;
    }
}

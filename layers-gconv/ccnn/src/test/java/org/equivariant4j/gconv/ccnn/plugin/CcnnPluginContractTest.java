package org.equivariant4j.gconv.ccnn.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** The module's plugin meets the plugin contract: registration, descriptor, SPI handshake, its contributions. */
class CcnnPluginContractTest extends PluginContractTest {
    @Override
    protected Class<? extends Plugin> pluginClass() {
        return CcnnPlugin.class;
    }
}

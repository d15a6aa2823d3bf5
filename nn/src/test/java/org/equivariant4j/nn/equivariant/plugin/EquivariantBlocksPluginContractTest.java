package org.equivariant4j.nn.equivariant.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** nn's plugin meets the plugin contract: registered once by @AutoService, a build-time version, the handshake. */
class EquivariantBlocksPluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return EquivariantBlocksPlugin.class;
    }
}

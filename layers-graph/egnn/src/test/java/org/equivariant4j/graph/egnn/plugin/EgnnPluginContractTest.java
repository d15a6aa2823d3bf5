package org.equivariant4j.graph.egnn.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** The EGNN plugin meets the plugin contract: registered by @AutoService, a build-time version, the handshake. */
class EgnnPluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return EgnnPlugin.class;
    }
}

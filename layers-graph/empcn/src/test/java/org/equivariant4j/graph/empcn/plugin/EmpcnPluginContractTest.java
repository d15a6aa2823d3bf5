package org.equivariant4j.graph.empcn.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** The EMPCN plugin meets the plugin contract: registered by @AutoService, a build-time version, the handshake. */
class EmpcnPluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return EmpcnPlugin.class;
    }
}

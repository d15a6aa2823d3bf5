package org.equivariant4j.gconv.regular.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** The plugin meets the plugin contract: registered once by @AutoService, a build-time version, the handshake. */
class GconvRegularPluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return GconvRegularPlugin.class;
    }
}

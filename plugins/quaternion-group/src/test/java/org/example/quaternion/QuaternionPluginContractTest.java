package org.example.quaternion;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** The plugin is registered, versioned, accepted by the runtime's handshake, and builds "Q8". */
class QuaternionPluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return QuaternionPlugin.class;
    }
}

package org.equivariant4j.ssl.invariance.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** Registered once by @AutoService, a build-time version, the handshake, the experiment resolving its defaults. */
class LearnedInvariancePluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return LearnedInvariancePlugin.class;
    }
}

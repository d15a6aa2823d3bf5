package org.equivariant4j.ssl.cutinit.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** Registered once by @AutoService, a build-time version, the handshake, experiments resolving their defaults. */
class CutInitPluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return CutInitPlugin.class;
    }
}

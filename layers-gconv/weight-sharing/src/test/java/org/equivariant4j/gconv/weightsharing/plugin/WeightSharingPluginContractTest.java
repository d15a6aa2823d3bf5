package org.equivariant4j.gconv.weightsharing.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** Registered once by @AutoService, a build-time version, the handshake, experiments resolving their defaults. */
class WeightSharingPluginContractTest extends PluginContractTest {

    @Override
    protected Class<? extends Plugin> pluginClass() {
        return WeightSharingPlugin.class;
    }
}

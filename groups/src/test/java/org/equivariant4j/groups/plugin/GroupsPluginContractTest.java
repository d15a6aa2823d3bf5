package org.equivariant4j.groups.plugin;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** The built-in groups plugin meets the contract every plugin meets. */
class GroupsPluginContractTest extends PluginContractTest {
    @Override
    protected Class<? extends Plugin> pluginClass() {
        return GroupsPlugin.class;
    }
}

package org.equivariant4j.cli;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.testkit.plugin.PluginContractTest;

/** The built-ins meet the same plugin contract as any third-party jar. */
class BuiltinsPluginContractTest extends PluginContractTest {
    @Override
    protected Class<? extends Plugin> pluginClass() {
        return BuiltinsPlugin.class;
    }
}

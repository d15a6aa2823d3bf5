package org.equivariant4j.runtime;

import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.SpiVersion;

/** A plugin that overrides no contribution getter. Registered only in {@code src/test/service-files/hollow}. */
public final class HollowPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("hollow", "0.0.1", SpiVersion.MAJOR, SpiVersion.MINOR);
    }
}

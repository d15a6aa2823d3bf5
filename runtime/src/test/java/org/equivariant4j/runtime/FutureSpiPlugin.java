package org.equivariant4j.runtime;

import java.util.List;
import java.util.Set;

import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

/**
 * A plugin built for the next major SPI (2.0 while this host speaks 1.0). Registered only in
 * {@code src/test/service-files/future-spi}, which {@link PluginDiscoveryTest} puts on a class loader of its own.
 */
public final class FutureSpiPlugin implements Plugin {
    static final SpiVersion BUILT_FOR = new SpiVersion(SpiVersion.CURRENT.major() + 1, 0);

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("future-spi", "3.1.4", BUILT_FOR, Set.of(PluginFeature.GROUPS));
    }

    @Override
    public List<GroupProvider> groupProviders() {
        return List.of(new FakePlugin.FakeFamily("future"));
    }
}

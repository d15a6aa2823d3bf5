package org.equivariant4j.runtime;

import java.util.List;

import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

/**
 * A second plugin claiming the id of the real quaternion plugin, from another class-path entry. Registered only
 * in {@code src/test/service-files/duplicate-id}.
 */
public final class ImpostorQuaternionPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("quaternion-group", "6.6.6", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS);
    }

    @Override
    public List<GroupProvider> groupProviders() {
        return List.of(new FakePlugin.FakeFamily("impostor"));
    }
}

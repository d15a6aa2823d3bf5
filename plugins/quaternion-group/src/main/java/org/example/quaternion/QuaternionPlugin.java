package org.example.quaternion;

import java.util.List;

import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

import com.google.auto.service.AutoService;

/**
 * The plugin's one entry point: found by {@code EquivariantRuntime.load()} through the
 * {@code META-INF/services} file that {@code @AutoService} writes, it contributes the group Q8.
 * Its version is filled in at build time from
 * {@code META-INF/equivariant4j/quaternion-group.properties}.
 */
@AutoService(Plugin.class)
public final class QuaternionPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("quaternion-group", BuildInfo.version(QuaternionPlugin.class, "quaternion-group"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS);
    }

    @Override
    public List<GroupProvider> groupProviders() {
        return List.of(new QuaternionGroupProvider());
    }
}

package org.equivariant4j.groups.plugin;

import java.util.List;

import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

import com.google.auto.service.AutoService;

/**
 * Contributes the built-in groups through the same SPI a third party uses: the framework's own
 * groups get no back door into the registries.
 */
@AutoService(Plugin.class)
public final class GroupsPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("groups", BuildInfo.version(GroupsPlugin.class, "groups"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS);
    }

    @Override
    public List<GroupProvider> groupProviders() {
        return List.of(
                BuiltinGroupFamily.of("cyclic", "C<n>: rotations of the plane by multiples of 360/n degrees", "C[1-9][0-9]*",
                        "C2", "C4", "C8"),
                BuiltinGroupFamily.of("dihedral", "D<n>: the n rotations of C<n> and n reflections (2n elements)", "D[1-9][0-9]*",
                        "D2", "D4", "D8"),
                BuiltinGroupFamily.of("planar", "SO(2), O(2): all rotations (and reflections) of the plane", "S?O\\(2\\)",
                        "SO(2)", "O(2)"),
                BuiltinGroupFamily.of("spatial", "SO(3), O(3): all rotations (and the inversion) of space", "S?O\\(3\\)",
                        "SO(3)", "O(3)"),
                BuiltinGroupFamily.of("polyhedral", "T, O, I: rotations of the tetrahedron (12), octahedron (24), icosahedron (60)",
                        "[TOI]", "T", "O", "I"),
                BuiltinGroupFamily.of("euclidean", "E(n), SE(n) for n = 2, 3: rigid motions (with reflections for E)",
                        "S?E\\([23]\\)", "SE(2)", "E(2)", "SE(3)", "E(3)"));
    }
}

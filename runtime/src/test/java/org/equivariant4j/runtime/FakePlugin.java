package org.equivariant4j.runtime;

import java.util.List;
import java.util.Set;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

/** A configurable plugin for the runtime's own tests: declare anything, contribute anything. */
record FakePlugin(PluginDescriptor descriptor, List<GroupProvider> groupProviders, List<LayerProvider> layerProviders)
        implements Plugin {

    static FakePlugin groups(String id, String... families) {
        return new FakePlugin(PluginDescriptor.of(id, "1.2.3", PluginFeature.GROUPS),
                List.of(families).stream().map(f -> (GroupProvider) new FakeFamily(f)).toList(), List.of());
    }

    static FakePlugin builtFor(String id, SpiVersion spi) {
        return new FakePlugin(new PluginDescriptor(id, "0.9", spi, Set.of(PluginFeature.GROUPS)), List.of(new FakeFamily("x")),
                List.of());
    }

    static FakePlugin declaring(String id, Set<PluginFeature> features, boolean contributesGroups, boolean contributesLayers) {
        return new FakePlugin(new PluginDescriptor(id, "1.0", SpiVersion.CURRENT, features),
                contributesGroups ? List.of(new FakeFamily(id + "-family")) : List.of(),
                contributesLayers ? List.of(new FakeLayer(id + "-layer")) : List.of());
    }

    /** A family that accepts names starting with its id and never needs to build a group in these tests. */
    record FakeFamily(String id) implements GroupProvider {
        @Override
        public String description() {
            return id + "<n>: a test family";
        }

        @Override
        public List<String> examples() {
            return List.of(id + "1");
        }

        @Override
        public boolean accepts(String name) {
            return name.startsWith(id);
        }

        @Override
        public Group create(String name) {
            throw new AssertionError("not needed in these tests: " + name);
        }
    }

    record FakeLayer(String id) implements LayerProvider {
        @Override
        public String description() {
            return "a test layer";
        }

        @Override
        public List<String> groups() {
            return List.of();
        }

        @Override
        public Module create(Group group, long seed) {
            throw new AssertionError("not needed in these tests");
        }
    }
}

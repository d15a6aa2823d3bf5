package org.equivariant4j.runtime;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

/**
 * Plugins that break the SPI's contract in one way each, as a careless or hostile jar would. They are
 * registered only in services files that {@link MisbehavingPluginsTest} writes for one case at a time,
 * so each goes through {@link java.util.ServiceLoader} like a real jar.
 */
public final class MisbehavingPlugins {
    static final String BOOM = "boom from the plugin";

    private MisbehavingPlugins() {
    }

    private static PluginDescriptor groups(String id) {
        return PluginDescriptor.of(id, "1.0", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS);
    }

    public static final class NullDescriptor implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return null;
        }
    }

    public static final class ThrowingDescriptor implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            throw new IllegalStateException(BOOM);
        }
    }

    /** What a plugin built against a core without the method it calls meets: a linkage error, not an exception. */
    public static final class MissingCoreMethod implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            throw new NoSuchMethodError("'PluginDescriptor PluginDescriptor.of(String, String, PluginFeature[])'");
        }
    }

    public static final class InvalidId implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return groups("Not A Valid Id");
        }
    }

    public static final class NullProviderList implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return groups("null-provider-list");
        }

        @Override
        public List<GroupProvider> groupProviders() {
            return null;
        }
    }

    public static final class NullInProviderList implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return groups("null-in-provider-list");
        }

        @Override
        public List<GroupProvider> groupProviders() {
            return Arrays.asList(new FakePlugin.FakeFamily("fine"), null);
        }
    }

    public static final class ThrowingProviderList implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("throwing-layers", "1.0", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS);
        }

        @Override
        public List<LayerProvider> layerProviders() {
            throw new IllegalStateException(BOOM);
        }
    }

    public static final class ThrowingConstructor implements Plugin {
        public ThrowingConstructor() {
            throw new IllegalStateException(BOOM);
        }

        @Override
        public PluginDescriptor descriptor() {
            return groups("throwing-constructor");
        }
    }

    /** Loads fine; its family's and its layer provider's {@code create} return null. */
    public static final class NullCreations implements Plugin {
        @Override
        public PluginDescriptor descriptor() {
            return PluginDescriptor.of("null-creations", "1.0", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.GROUPS,
                    PluginFeature.LAYERS);
        }

        @Override
        public List<GroupProvider> groupProviders() {
            return List.of(new NullFamily());
        }

        @Override
        public List<LayerProvider> layerProviders() {
            return List.of(new NullLayer());
        }
    }

    /** A family whose {@code create} returns null. */
    public static final class NullFamily implements GroupProvider {
        @Override
        public String id() {
            return "nil";
        }

        @Override
        public String description() {
            return "Nil<n>: a family that builds nothing";
        }

        @Override
        public List<String> examples() {
            return List.of("Nil1");
        }

        @Override
        public boolean accepts(String name) {
            return name.startsWith("Nil");
        }

        @Override
        public Group create(String name) {
            return null;
        }
    }

    /** A layer provider whose {@code create} returns null. */
    public static final class NullLayer implements LayerProvider {
        @Override
        public String id() {
            return "nil-layer";
        }

        @Override
        public String description() {
            return "a layer provider that builds nothing";
        }

        @Override
        public List<String> groups() {
            return List.of("Nil1");
        }

        @Override
        public Module create(Group group, long seed) {
            return null;
        }
    }
}

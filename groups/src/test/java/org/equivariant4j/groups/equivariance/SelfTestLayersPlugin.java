package org.equivariant4j.groups.equivariance;

import java.util.List;
import java.util.function.BiFunction;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

/**
 * Contributes the kit's exact test layers through the SPI (registered in this module's test resources),
 * so {@link RegisteredSelfTestLayersEquivarianceTest} exercises discovery, group resolution through
 * {@code GroupsPlugin} and per-domain inputs: regular grid fields of C4, D4 and C8 (whose 45-degree
 * rotations a grid cannot take: they must show up as skipped), point clouds of E(3) (whose testing elements
 * include SO(3)'s rotations, with translations).
 */
public final class SelfTestLayersPlugin implements Plugin {
    static final String ID = "equivariance-selftest";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "test", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(
                new Provider("pointwise-relu", "ReLU on a regular field on Z2", List.of("C4", "D4"),
                        (g, seed) -> new PointwiseRelu(RegularChannelMix.type(g.asFinite(), Domain.grid(2)))),
                new Provider("regular-channel-mix", "1x1 group convolution of a regular field on Z2", List.of("C4", "D4", "C8"),
                        (g, seed) -> new RegularChannelMix(g.asFinite(), Domain.grid(2), seed)),
                new Provider("centroid-gate", "vector features gated by the distance to the centroid",
                        List.of("E(3)"), CentroidGate::new));
    }

    /** A provider from a lambda. */
    record Provider(String id, String description, List<String> groups, BiFunction<Group, Long, Module> factory)
            implements LayerProvider {
        @Override
        public Module create(Group group, long seed) {
            return factory.apply(group, seed);
        }
    }
}

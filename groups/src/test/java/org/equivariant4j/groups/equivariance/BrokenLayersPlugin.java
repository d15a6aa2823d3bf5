package org.equivariant4j.groups.equivariance;

import java.util.List;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.groups.equivariance.SelfTestLayersPlugin.Provider;

/**
 * Registered like {@link SelfTestLayersPlugin} but contributing what the registered-layers factory must
 * reject: a subtly non-equivariant layer, a provider whose module is not an {@code EquivariantLayer}, and
 * a group name no family accepts. Only {@link LayerContractSelfTest} includes it.
 */
public final class BrokenLayersPlugin implements Plugin {
    static final String ID = "equivariance-selftest-broken";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, "test", SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(
                new Provider("perturbed", "off by 1e-2 at one entry", List.of("C4"), (g, seed) -> new PerturbedLayer(
                        new RegularChannelMix(g.asFinite(), Domain.grid(2), seed), 1e-2, 1, null)),
                new Provider("not-a-layer", "a plain module", List.of("C4"), (g, seed) -> new Module() { }),
                new Provider("unknown-group", "offered for a group nobody provides", List.of("Q8"),
                        (g, seed) -> new PointwiseRelu(RegularChannelMix.type(g.asFinite(), Domain.grid(2)))));
    }
}

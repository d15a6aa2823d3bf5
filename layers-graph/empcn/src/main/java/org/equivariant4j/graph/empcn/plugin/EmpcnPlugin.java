package org.equivariant4j.graph.empcn.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;

import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.graph.nbody.training.NBodyExperiment;
import org.equivariant4j.graph.empcn.EmpcnVariant;
import org.equivariant4j.graph.empcn.nbody.EmpcnNBodyModel;

import com.google.auto.service.AutoService;

/**
 * Contributes the EMPCN layers ({@code empcn}, {@code empcn-decoupled}, bound to a small two-graph batch) and
 * the N-body experiments {@code nbody-empcn} and {@code nbody-empcn-decoupled} (the protocol of {@code nbody-egnn}).
 */
@AutoService(Plugin.class)
public final class EmpcnPlugin implements Plugin {
    public static final String ID = "graph-empcn";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(EmpcnPlugin.class, "empcn"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(new EmpcnLayerProvider(EmpcnVariant.COUPLED), new EmpcnLayerProvider(EmpcnVariant.DECOUPLED));
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(
                new NBodyExperiment("nbody-empcn", "EMPCN (coupled, edges and triangles)",
                        (group, hidden, layers, rng) -> new EmpcnNBodyModel(group, hidden, layers, EmpcnVariant.COUPLED, rng)),
                new NBodyExperiment("nbody-empcn-decoupled", "EMPCN (decoupled, edges and triangles)",
                        (group, hidden, layers, rng) -> new EmpcnNBodyModel(group, hidden, layers, EmpcnVariant.DECOUPLED, rng)));
    }
}

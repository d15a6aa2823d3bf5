package org.equivariant4j.graph.egnn.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.graph.egnn.nbody.EgnnNBodyExperiments;

import com.google.auto.service.AutoService;

/** Contributes the EGNN layer ({@code egnn}, bound to a small two-graph batch) and the N-body experiments. */
@AutoService(Plugin.class)
public final class EgnnPlugin implements Plugin {
    public static final String ID = "graph-egnn";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(EgnnPlugin.class, "egnn"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(new EgnnLayerProvider());
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(EgnnNBodyExperiments.egnn(), EgnnNBodyExperiments.gnn());
    }
}

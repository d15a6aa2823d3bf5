package org.equivariant4j.gconv.weightsharing.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.gconv.weightsharing.experiments.RotatedAccuracyExperiment;
import org.equivariant4j.gconv.weightsharing.experiments.SymmetryDiscoveryExperiment;

import com.google.auto.service.AutoService;

/**
 * Contributes the weight-sharing layers in their tied form ({@code WeightSharingConv.tied()}: the group's
 * permutations as matrices, so the test kit and {@code eq4j check} see a regular group convolution) and the symmetry-discovery experiments
 * {@code ws-discover-c4} and {@code ws-partial-symmetry} (teacher task), the labelled setting {@code ws-labels}, and the
 * accuracy comparison {@code ws-rotated-accuracy}.
 */
@AutoService(Plugin.class)
public final class WeightSharingPlugin implements Plugin {
    /** The plugin id. */
    public static final String ID = "gconv-weight-sharing";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(WeightSharingPlugin.class, "weight-sharing"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(new WeightSharingLayerProvider(true), new WeightSharingLayerProvider(false));
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(SymmetryDiscoveryExperiment.discoverC4(), SymmetryDiscoveryExperiment.partialSymmetry(),
                SymmetryDiscoveryExperiment.labels(),
                new RotatedAccuracyExperiment());
    }
}

package org.equivariant4j.gconv.se3;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

import com.google.auto.service.AutoService;

/**
 * Contributes the SE(3) group convolution layers (on the octahedral grid, where the test kit can check
 * them exactly) and the {@code se3-polycubes} experiment.
 */
@AutoService(Plugin.class)
public final class Se3SeparablePlugin implements Plugin {
    /** The plugin id. */
    public static final String ID = "gconv-se3-separable";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(Se3SeparablePlugin.class, "se3-separable"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.LAYERS,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return List.of(
                new GridLayerProvider("se3-lifting-conv", "SE3LiftingConv: 2 scalar channels -> 2 fields on the grid, k=3",
                        (grid, seed) -> new SE3LiftingConv(grid, 2, 2, 3, 1, new org.equivariant4j.core.tensor.Rng(seed))),
                new GridLayerProvider("se3-separable-conv", "SE3SeparableConv: 2 -> 2 fields, SO(3) x spatial kernels, k=3",
                        (grid, seed) -> new SE3SeparableConv(grid, 2, 2, 3, 1, new org.equivariant4j.core.tensor.Rng(seed))),
                new GridLayerProvider("se3-group-conv", "SE3GroupConv (full, non-separable): 1 -> 2 fields, k=3",
                        (grid, seed) -> new SE3GroupConv(grid, 1, 2, 3, 1, new org.equivariant4j.core.tensor.Rng(seed))),
                new GridLayerProvider("se3-global-pooling", "SE3GlobalPooling (mean): 2 fields -> 2 invariants",
                        (grid, seed) -> new SE3GlobalPooling(grid, 2, SE3GlobalPooling.Mode.MEAN)));
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new PolycubesExperiment());
    }
}

package org.equivariant4j.cli;

import java.util.List;

import org.equivariant4j.cli.experiments.C4TetrominoExperiment;
import org.equivariant4j.cli.experiments.TwoSpiralsExperiment;
import org.equivariant4j.cli.layers.BlockLayers;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.LayerProvider;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;

import com.google.auto.service.AutoService;

/**
 * What {@code eq4j} contributes itself, like any plugin: the built-in experiments (a seconds-long
 * two-spirals MLP that exercises the whole pipeline, and the flagship C4-invariant tetromino
 * classifier) and the generic equivariant blocks of {@code nn} as registered layers, so
 * {@code eq4j check} has layers to check on any finite group, a third-party one included. Method
 * modules contribute their own through their own plugins.
 */
@AutoService(Plugin.class)
public final class BuiltinsPlugin implements Plugin {
    public static final String ID = "eq4j-builtins";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(BuiltinsPlugin.class, "cli"), PluginFeature.LAYERS,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<LayerProvider> layerProviders() {
        return BlockLayers.all();
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new TwoSpiralsExperiment(), new C4TetrominoExperiment());
    }
}

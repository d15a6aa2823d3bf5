package org.equivariant4j.cli;

import java.util.List;

import org.equivariant4j.cli.experiments.C4TetrominoExperiment;
import org.equivariant4j.cli.experiments.TwoSpiralsExperiment;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;

import com.google.auto.service.AutoService;

/**
 * What {@code eq4j} contributes itself, like any plugin: the built-in experiments, a seconds-long
 * two-spirals MLP that exercises the whole pipeline and the flagship C4-invariant tetromino
 * classifier. (The generic equivariant blocks that {@code eq4j check} checks come from {@code nn}'s
 * own plugin, {@code nn-blocks}.) Method modules contribute their experiments through their own plugins.
 */
@AutoService(Plugin.class)
public final class BuiltinsPlugin implements Plugin {
    public static final String ID = "eq4j-builtins";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(BuiltinsPlugin.class, "cli"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new TwoSpiralsExperiment(), new C4TetrominoExperiment());
    }
}

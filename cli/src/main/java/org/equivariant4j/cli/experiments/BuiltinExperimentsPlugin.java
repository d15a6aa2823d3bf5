package org.equivariant4j.cli.experiments;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;

import com.google.auto.service.AutoService;

/**
 * The experiments {@code eq4j} ships with, contributed like any plugin's: a seconds-long two-spirals
 * MLP (a smoke test of the whole pipeline) and the flagship C4-invariant tetromino classifier.
 * Method modules contribute their own experiments through their own plugins.
 */
@AutoService(Plugin.class)
public final class BuiltinExperimentsPlugin implements Plugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of("builtin-experiments", BuildInfo.version(BuiltinExperimentsPlugin.class, "cli"),
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new TwoSpiralsExperiment(), new C4TetrominoExperiment());
    }
}

package org.equivariant4j.fields.latentforce.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.fields.latentforce.experiment.LatentForceExperiment;

import com.google.auto.service.AutoService;

/** Contributes the latent-force-field experiments {@code lff-electrostatic} and {@code lff-gravitational}. */
@AutoService(Plugin.class)
public final class LatentForcePlugin implements Plugin {
    public static final String ID = "fields-latent-force";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(LatentForcePlugin.class, "latent-force-fields"), SpiVersion.MAJOR,
                SpiVersion.MINOR, PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(LatentForceExperiment.electrostatic(), LatentForceExperiment.gravitational());
    }
}

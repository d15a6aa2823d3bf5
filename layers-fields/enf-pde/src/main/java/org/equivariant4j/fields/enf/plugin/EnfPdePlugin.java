package org.equivariant4j.fields.enf.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.fields.enf.experiment.EnfForecastExperiment;

import com.google.auto.service.AutoService;

/** Contributes the ENF forecasting experiments {@code enf-heat-plane}, {@code enf-navier-stokes} and {@code enf-heat-sphere}. */
@AutoService(Plugin.class)
public final class EnfPdePlugin implements Plugin {
    public static final String ID = "fields-enf-pde";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(EnfPdePlugin.class, "enf-pde"), SpiVersion.MAJOR, SpiVersion.MINOR,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(EnfForecastExperiment.heatPlane(), EnfForecastExperiment.navierStokes(),
                EnfForecastExperiment.heatSphere());
    }
}

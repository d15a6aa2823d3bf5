package org.equivariant4j.ssl.cutinit.plugin;

import java.util.List;

import com.google.auto.service.AutoService;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.ssl.cutinit.experiment.SslExperiment;

/** Contributes {@code ssl-simclr}, {@code ssl-byol} and {@code ssl-simsiam} (cut-initialisation, paper 2). */
@AutoService(Plugin.class)
public final class CutInitPlugin implements Plugin {
    /** The plugin id. */
    public static final String ID = "ssl-cut-init";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(CutInitPlugin.class, "cut-init"), SpiVersion.MAJOR, SpiVersion.MINOR,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(SslExperiment.simclr(), SslExperiment.byol(), SslExperiment.simsiam());
    }
}

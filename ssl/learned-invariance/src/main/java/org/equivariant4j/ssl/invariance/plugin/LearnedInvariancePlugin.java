package org.equivariant4j.ssl.invariance.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.ssl.invariance.experiment.LearnedInvarianceExperiment;

import com.google.auto.service.AutoService;

/** Contributes the experiment {@code learned-invariance} (learned versus genuine invariance, paper 6). */
@AutoService(Plugin.class)
public final class LearnedInvariancePlugin implements Plugin {
    /** The plugin id. */
    public static final String ID = "ssl-learned-invariance";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(LearnedInvariancePlugin.class, "learned-invariance"),
                SpiVersion.MAJOR, SpiVersion.MINOR, PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new LearnedInvarianceExperiment());
    }
}

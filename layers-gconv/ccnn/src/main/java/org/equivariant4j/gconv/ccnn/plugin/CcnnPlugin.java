package org.equivariant4j.gconv.ccnn.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.gconv.ccnn.experiments.SequenceExperiment;
import org.equivariant4j.gconv.ccnn.experiments.ShapesExperiment;

import com.google.auto.service.AutoService;

/**
 * Contributes the continuous-kernel CNN experiments: {@code ccnn-sequence} (long-range sequences,
 * the FlexConv / CKConv / plain CNN ablation, sequential MNIST with {@code --data}) and
 * {@code ccnn-shapes} (the same model on 2D images and 3D volumes). The layers are translation
 * equivariant, a symmetry the project's layer registry (rotation and reflection groups) does not
 * describe, so no layer providers.
 */
@AutoService(Plugin.class)
public final class CcnnPlugin implements Plugin {
    /** The plugin id. */
    public static final String ID = "gconv-ccnn";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(CcnnPlugin.class, "ccnn"), SpiVersion.MAJOR, SpiVersion.MINOR,
                PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new SequenceExperiment(), new ShapesExperiment());
    }
}

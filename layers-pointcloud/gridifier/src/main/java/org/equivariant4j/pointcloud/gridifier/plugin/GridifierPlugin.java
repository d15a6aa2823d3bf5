package org.equivariant4j.pointcloud.gridifier.plugin;

import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.spi.BuildInfo;
import org.equivariant4j.core.spi.Plugin;
import org.equivariant4j.core.spi.PluginDescriptor;
import org.equivariant4j.core.spi.PluginFeature;
import org.equivariant4j.core.spi.SpiVersion;
import org.equivariant4j.pointcloud.gridifier.experiments.ClassificationExperiment;
import org.equivariant4j.pointcloud.gridifier.experiments.SegmentationExperiment;

import com.google.auto.service.AutoService;

/**
 * Contributes the learned-gridification experiments {@code gridifier-classify} and {@code gridifier-segment}
 * (gridifier vs a point-native kNN baseline). No layers are registered for {@code eq4j check}: the gridifier is
 * invariant to point permutations, which the permutation check in this module's tests covers, not to a group the
 * core kit acts with.
 */
@AutoService(Plugin.class)
public final class GridifierPlugin implements Plugin {
    /** The plugin id. */
    public static final String ID = "pointcloud-gridifier";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.of(ID, BuildInfo.version(GridifierPlugin.class, "gridifier"), SpiVersion.MAJOR,
                SpiVersion.MINOR, PluginFeature.EXPERIMENTS);
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new ClassificationExperiment(), new SegmentationExperiment());
    }
}

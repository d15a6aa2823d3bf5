package org.equivariant4j.pointcloud.gridifier.experiments;

import java.util.List;

import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.gridifier.Grid;
import org.equivariant4j.pointcloud.gridifier.GridifierConfig;
import org.equivariant4j.pointcloud.gridifier.PointBaseline;

/** The model options both point-cloud experiments share: the gridifier's and the point-native baseline's sizes. */
final class ModelOptions {
    static final String GRIDIFIER = "gridifier";
    static final String BASELINE = "baseline";

    private ModelOptions() {
    }

    static List<OptionSpec> options(int channels, int baselineChannels, int baselineHidden) {
        return List.of(OptionSpec.ofInt("grid", 9, "grid nodes per axis (the paper's 9: 729 nodes)", 2, 32),
                OptionSpec.ofInt("k", 9, "gridifier neighbours each way between points and grid nodes", 1, 64),
                OptionSpec.ofInt("channels", channels, "gridifier features per grid node", 1, 256),
                OptionSpec.ofInt("hidden", 32, "hidden width of the gridifier's message MLPs", 1, 1024),
                OptionSpec.ofInt("frequencies", 8, "random Fourier frequencies of the position embedding", 1, 256),
                OptionSpec.ofInt("baseline-k", 16, "neighbours per point of the baseline's kNN graph", 1, 128),
                OptionSpec.ofInt("baseline-channels", baselineChannels, "features per point of the baseline's edge convolutions",
                        1, 1024),
                OptionSpec.ofInt("baseline-hidden", baselineHidden, "hidden width of the baseline's MLPs", 1, 1024),
                OptionSpec.ofDouble("lr", 3e-3, "Adam learning rate of both models", 1e-6, 1.0));
    }

    static GridifierConfig gridifier(ExperimentConfig c) {
        return new GridifierConfig(new Grid(c.intValue("grid")), c.intValue("k"), c.intValue("channels"), c.intValue("hidden"),
                c.intValue("frequencies"), 1.0);
    }

    static PointBaseline baseline(ExperimentConfig c, PointBaseline.Task task, int outputs, Rng rng) {
        return new PointBaseline(task, c.intValue("baseline-k"), c.intValue("baseline-channels"), c.intValue("baseline-hidden"),
                true, outputs, DType.FLOAT32, rng);
    }
}

package org.equivariant4j.pointcloud.gridifier.experiments;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.pointcloud.gridifier.GridifierSegmenter;
import org.equivariant4j.pointcloud.gridifier.PointBaseline;
import org.equivariant4j.pointcloud.shapes.SampledShapes;
import org.equivariant4j.pointcloud.shapes.SyntheticShapes;

/**
 * {@code gridifier-segment}: part segmentation of the part-labelled synthetic composites (tables, chairs, lamps,
 * dumbbells, snowmen; four part roles) by the gridifier (gridify → Conv3D → de-gridify) and the point-native
 * baseline (edge convolutions, local ⊕ global features per point), side by side on the same batches.
 */
public final class SegmentationExperiment implements Experiment {
    public static final String ID = "gridifier-segment";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "point-cloud part segmentation: gridify -> Conv3D -> de-gridify vs a kNN message-passing baseline"
                + " (part-labelled synthetic composites)";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> all = new ArrayList<>(List.of(StandardOptions.epochs(8), StandardOptions.batchSize(8),
                StandardOptions.seed(1), StandardOptions.trainSize(400), StandardOptions.testSize(200)));
        all.addAll(PointCloudData.options(512));
        all.addAll(ModelOptions.options(16, 32, 64));
        return List.copyOf(all);
    }

    @Override
    public ExperimentRun start(ExperimentConfig c) {
        Rng rng = new Rng(c.intValue(StandardOptions.SEED));
        int points = c.intValue(PointCloudData.POINTS);
        double noise = c.doubleValue(PointCloudData.NOISE);
        SampledShapes train = SyntheticShapes.parts(c.intValue(StandardOptions.TRAIN_SIZE), points, noise, rng.split());
        SampledShapes test = SyntheticShapes.parts(c.intValue(StandardOptions.TEST_SIZE), points, noise, rng.split());
        int parts = SyntheticShapes.PARTS.size();
        SegmentationRun run = new SegmentationRun(c, train, test, parts);
        double lr = c.doubleValue("lr");
        run.add(ModelOptions.GRIDIFIER, new GridifierSegmenter(ModelOptions.gridifier(c), true, parts, DType.FLOAT32,
                rng.split()), lr);
        run.add(ModelOptions.BASELINE, ModelOptions.baseline(c, PointBaseline.Task.SEGMENT, parts, rng.split()), lr);
        return run;
    }
}

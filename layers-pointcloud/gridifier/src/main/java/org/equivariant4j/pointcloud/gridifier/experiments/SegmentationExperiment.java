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

/**
 * {@code gridifier-segment}: part segmentation of the part-labelled synthetic composites (tables, chairs, lamps,
 * dumbbells, snowmen; four part roles) by the gridifier (gridify → Conv3D → de-gridify) and the point-native
 * baseline (edge convolutions, local ⊕ global features per point), side by side on the same batches.
 */
public final class SegmentationExperiment implements Experiment {
    public static final String ID = "gridifier-segment";
    static final String REACH = "degrid-reach";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "point-cloud part segmentation: gridify -> Conv3D -> de-gridify vs a kNN message-passing baseline"
                + " (part-labelled synthetic composites, or --data <folder of part meshes>)";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> all = new ArrayList<>(List.of(StandardOptions.epochs(8), StandardOptions.batchSize(8),
                StandardOptions.seed(1), StandardOptions.trainSize(400), StandardOptions.testSize(200)));
        all.addAll(PointCloudData.options(512));
        all.addAll(PointCloudData.folderOptions("<data>/parts.txt + <data>/<class>/{train,test}/<shape>/<part>.off (one"
                + " mesh per part) or <shape>.txt (ShapeNet-part's labelled points); see the pointcloud module's README"));
        all.addAll(ModelOptions.options(16, 32, 64));
        all.add(OptionSpec.ofChoice(REACH, "nearest", "grid nodes each point reads from when de-gridifying: its k nearest"
                + " (nearest) or all it shares a gridification edge with (all, as the reference)", "nearest", "all"));
        return List.copyOf(all);
    }

    /** The de-gridification reach {@code c} asks for. */
    static GridifierSegmenter.Reach reach(ExperimentConfig c) {
        return c.stringValue(REACH).equals("all") ? GridifierSegmenter.Reach.ALL_EDGES : GridifierSegmenter.Reach.NEAREST_NODES;
    }

    @Override
    public ExperimentRun start(ExperimentConfig c) {
        Rng rng = new Rng(c.intValue(StandardOptions.SEED));
        PointCloudData.Splits data = PointCloudData.segmentation(c, c.intValue(StandardOptions.TRAIN_SIZE),
                c.intValue(StandardOptions.TEST_SIZE), rng);
        int parts = data.parts().size();
        SegmentationRun run = new SegmentationRun(c, data);
        double lr = c.doubleValue("lr");
        run.add(ModelOptions.GRIDIFIER, new GridifierSegmenter(ModelOptions.gridifier(c), reach(c), true, parts, DType.FLOAT32,
                rng.split()), lr);
        run.add(ModelOptions.BASELINE, ModelOptions.baseline(c, PointBaseline.Task.SEGMENT, parts, rng.split()), lr);
        return run;
    }
}

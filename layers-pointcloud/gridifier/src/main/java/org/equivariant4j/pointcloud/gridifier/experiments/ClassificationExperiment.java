package org.equivariant4j.pointcloud.gridifier.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierExperiment;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;
import org.equivariant4j.pointcloud.gridifier.GridifierClassifier;
import org.equivariant4j.pointcloud.gridifier.PointBaseline;
import org.equivariant4j.pointcloud.shapes.SampledShapes;

/**
 * {@code gridifier-classify}: shape classification by the gridifier (points → 9³ grid → Conv3D → global pooling)
 * and by the point-native baseline (edge convolutions on the kNN graph of all points), trained side by side on the
 * same batches with default widths that give both about 22k parameters. Synthetic shapes by default; {@code --data}
 * reads a ModelNet40-style folder of OFF meshes.
 */
public final class ClassificationExperiment extends ClassifierExperiment {
    public static final String ID = "gridifier-classify";

    public ClassificationExperiment() {
        super(ID, "point-cloud classification: learned gridification + Conv3D vs a kNN message-passing baseline"
                + " (synthetic shapes, or --data <ModelNet40-style folder>)", new Defaults(12, 16, 960, 480));
    }

    @Override
    protected List<OptionSpec> experimentOptions() {
        List<OptionSpec> all = new ArrayList<>(PointCloudData.options(512));
        all.addAll(PointCloudData.folderOptions("<data>/<class>/{train,test}/*.off (ModelNet40's layout)"));
        all.addAll(ModelOptions.options(16, 40, 80));
        return all;
    }

    @Override
    protected ClassifierRun prepare(ExperimentConfig c, Rng rng) {
        PointCloudData.Splits data = PointCloudData.classification(c, c.intValue(StandardOptions.TRAIN_SIZE),
                c.intValue(StandardOptions.TEST_SIZE), rng);
        int classes = data.classes().size();
        TensorDataset train = dataset(data.train());
        TensorDataset test = dataset(data.test());
        ClassifierSet models = classifiers(c, train);
        double lr = c.doubleValue("lr");
        GridifierClassifier grid = new GridifierClassifier(ModelOptions.gridifier(c), true, classes, DType.FLOAT32, rng.split());
        models.add(ModelOptions.GRIDIFIER, grid, x -> grid.forward(PointCloudData.cloud(x)), lr, null);
        PointBaseline base = ModelOptions.baseline(c, PointBaseline.Task.CLASSIFY, classes, rng.split());
        models.add(ModelOptions.BASELINE, base, x -> base.forward(PointCloudData.cloud(x)), lr, null);
        DatasetSummary summary = new DatasetSummary(data.name(), data.description(),
                ClassifierRun.splits(Map.entry("train", train.size()), Map.entry("test", test.size())));
        return new Run(models, summary, test, classes, c);
    }

    private static TensorDataset dataset(SampledShapes s) {
        return new TensorDataset(s.features(DType.FLOAT32), s.labelTensor());
    }

    static final class Run extends ClassifierRun {
        private final int classes;
        private final ExperimentConfig config;

        Run(ClassifierSet models, DatasetSummary data, TensorDataset test, int classes, ExperimentConfig config) {
            super(models, data);
            this.classes = classes;
            this.config = config;
            addTestSet("test", test);
        }

        /** Test accuracy of {@code model}. */
        double testAccuracy(String model) {
            return accuracy(model, testSet("test"));
        }

        @Override
        public ResultTable results() {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("gridifier (" + config.intValue("grid") + "^3 grid, k=" + config.intValue("k") + ")",
                    parameters(ModelOptions.GRIDIFIER), percent(testAccuracy(ModelOptions.GRIDIFIER))));
            rows.add(List.of("point baseline (kNN graph, k=" + config.intValue("baseline-k") + ")",
                    parameters(ModelOptions.BASELINE), percent(testAccuracy(ModelOptions.BASELINE))));
            return new ResultTable("Point-cloud classification (" + classes + " classes)", List.of("model", "parameters",
                    "test accuracy"), rows, List.of(String.format(Locale.ROOT, "%d test clouds of %d points; chance %.1f%%",
                            testSet("test").size(), config.intValue(PointCloudData.POINTS), 100.0 / classes),
                            "gridifier: gridify (kNN both ways, random Fourier features, mean) -> conv3 block -> maxpool 2 ->"
                                    + " conv3 block (2x width) -> global max -> linear",
                            "baseline: 2 edge convolutions max_j MLP([h_i, h_j - h_i, p_j - p_i]) on the kNN graph ->"
                                    + " concat -> global max -> MLP"));
        }
    }
}

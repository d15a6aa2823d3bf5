package org.equivariant4j.pointcloud.gridifier.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.experiment.StepProgress;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.Batch;
import org.equivariant4j.nn.data.DataLoader;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.nn.optim.OptimizerStates;
import org.equivariant4j.pointcloud.gridifier.GridifierSegmenter;
import org.equivariant4j.pointcloud.gridifier.PointCloudNetwork;
import org.equivariant4j.pointcloud.shapes.SampledShapes;

/**
 * Segmenters trained side by side on the same batches of clouds, each with its own Adam and a per-point cross
 * entropy; evaluated by per-point accuracy and the mean over parts of the intersection over union on the test set.
 * The loader's order depends on the seed and the epoch only, so with the optimisers' state restored a resumed run
 * takes the uninterrupted run's steps.
 */
final class SegmentationRun implements ExperimentRun {
    private final ExperimentConfig config;
    private final TensorDataset train;
    private final TensorDataset test;
    private final PointCloudData.Splits data;
    private final int parts;
    private final DataLoader loader;
    private final Models models = new Models();
    private final Map<String, Adam> optimizers = new LinkedHashMap<>();
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    /** The segmenters as one module, so the checkpoint holds all of them under their names. */
    static final class Models extends Module {
        private final Map<String, PointCloudNetwork> all = new LinkedHashMap<>();

        void add(String name, PointCloudNetwork net) {
            all.put(name, registerModule(name, net));
        }
    }

    SegmentationRun(ExperimentConfig config, PointCloudData.Splits data) {
        this.config = config;
        this.data = data;
        this.train = dataset(data.train());
        this.test = dataset(data.test());
        this.parts = data.parts().size();
        int batch = Math.min(config.intValue(StandardOptions.BATCH_SIZE), this.train.size());
        this.loader = DataLoader.builder(this.train).batchSize(batch).shuffle(config.intValue(StandardOptions.SEED))
                .dropLast(this.train.size() / batch >= 1).build();
    }

    private static TensorDataset dataset(SampledShapes s) {
        return new TensorDataset(s.features(DType.FLOAT32), s.partTensor());
    }

    void add(String name, PointCloudNetwork net, double lr) {
        models.add(name, net);
        optimizers.put(name, new Adam(net.parameters(), lr));
    }

    @Override
    public Module model() {
        return models;
    }

    @Override
    public Map<String, Tensor> trainingState() {
        return OptimizerStates.of(optimizers);
    }

    @Override
    public void loadTrainingState(Map<String, Tensor> state) {
        OptimizerStates.load("SegmentationRun.loadTrainingState", optimizers, state);
    }

    @Override
    public DatasetSummary data() {
        return new DatasetSummary(data.name(), data.description(), Map.of("train", train.size(), "test", test.size()));
    }

    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        Map<String, Double> sums = new LinkedHashMap<>();
        int steps = loader.batchesPerEpoch();
        int step = 0;
        models.train();
        for (Batch batch : loader.epoch(epoch)) {
            Map<String, Double> losses = new LinkedHashMap<>();
            Tensor labels = batch.labels().reshape(-1);
            for (Map.Entry<String, PointCloudNetwork> m : models.all.entrySet()) {
                Adam opt = optimizers.get(m.getKey());
                opt.zeroGrad();
                Tensor l = loss.compute(m.getValue().forward(PointCloudData.cloud(batch.features())), labels);
                l.backward();
                opt.step();
                losses.put(m.getKey(), l.item());
                sums.merge(metric("train_loss", m.getKey()), l.item(), Double::sum);
            }
            step++;
            listener.onStep(new StepProgress(epoch, step, steps, losses));
            if (stop.getAsBoolean() && step < steps) {
                return new EpochTraining(means(sums, step), step, false);
            }
        }
        return new EpochTraining(means(sums, step), step, true);
    }

    private static Map<String, Double> means(Map<String, Double> sums, int steps) {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, v) -> out.put(k, v / Math.max(1, steps)));
        return out;
    }

    private static String metric(String base, String model) {
        return base + "." + model;
    }

    @Override
    public Map<String, Double> evaluate() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : models.all.keySet()) {
            double[] s = scores(name);
            out.put(metric("test_acc", name), s[0]);
            out.put(metric("test_miou", name), s[1]);
        }
        return out;
    }

    /** Per-point accuracy and part-mean IoU of {@code model} on the test set (eval mode, no graph, batches of 16). */
    double[] scores(String model) {
        PointCloudNetwork net = models.all.get(model);
        net.eval();
        long[] truth = test.labels().toLongArray();
        long[] intersection = new long[parts];
        long[] union = new long[parts];
        long correct = 0;
        int at = 0;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (int start = 0; start < test.size(); start += 16) {
                int n = Math.min(16, test.size() - start);
                Tensor logits = net.forward(PointCloudData.cloud(test.features().narrow(0, start, n)));
                long[] predicted = logits.argmax(1).toLongArray();
                for (long p : predicted) {
                    long t = truth[at++];
                    if (p == t) {
                        correct++;
                        intersection[(int) t]++;
                        union[(int) t]++;
                    } else {
                        union[(int) t]++;
                        union[(int) p]++;
                    }
                }
            }
        }
        double iou = 0;
        int present = 0;
        for (int p = 0; p < parts; p++) {
            if (union[p] > 0) {
                iou += intersection[p] / (double) union[p];
                present++;
            }
        }
        return new double[] {correct / (double) truth.length, iou / Math.max(1, present)};
    }

    @Override
    public ResultTable results() {
        List<List<String>> rows = new ArrayList<>();
        for (String name : models.all.keySet()) {
            double[] s = scores(name);
            String label = name.equals(ModelOptions.GRIDIFIER)
                    ? "gridifier (" + config.intValue("grid") + "^3 grid, k=" + config.intValue("k") + ")"
                    : "point baseline (kNN graph, k=" + config.intValue("baseline-k") + ")";
            rows.add(List.of(label, String.format(Locale.ROOT, "%,d", models.all.get(name).parameterCount()),
                    String.format(Locale.ROOT, "%.1f%%", 100 * s[0]), String.format(Locale.ROOT, "%.1f%%", 100 * s[1])));
        }
        return new ResultTable("Part segmentation of " + data.name() + " (" + parts + " parts)",
                List.of("model", "parameters", "point accuracy", "mean IoU over parts"), rows,
                List.of(test.size() + " test clouds of " + config.intValue(PointCloudData.POINTS) + " points",
                        "gridifier: gridify -> 2 conv3 blocks at full resolution -> de-gridify (node -> point messages from "
                                + (SegmentationExperiment.reach(config) == GridifierSegmenter.Reach.ALL_EDGES
                                        ? "every node sharing a gridification edge" : "the point's k nearest nodes")
                                + ", the point's input as skip) -> MLP per point",
                        "baseline: 2 edge convolutions on the kNN graph -> [local, global max] per point -> MLP"));
    }
}

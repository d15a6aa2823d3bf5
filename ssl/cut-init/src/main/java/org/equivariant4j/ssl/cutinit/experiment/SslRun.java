package org.equivariant4j.ssl.cutinit.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.DataLoader;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.LockstepEpoch;
import org.equivariant4j.nn.optim.Optimizer;
import org.equivariant4j.nn.optim.OptimizerStates;
import org.equivariant4j.ssl.augment.AugmentationPipeline;
import org.equivariant4j.ssl.augment.TwoViews;
import org.equivariant4j.ssl.monitor.EmbeddingNorms;
import org.equivariant4j.ssl.monitor.KnnMonitor;

/**
 * A started {@link SslExperiment}: the variants train on the same batches and views; the views of an epoch come from
 * a stream seeded by (seed, epoch) and the loader's order from the same two, so an epoch is the same whether or not the
 * run was resumed (with the SGD momenta restored through {@link #trainingState()}).
 */
final class SslRun implements ExperimentRun {
    private static final long EPOCH_STRIDE = 0x9E3779B97F4A7C15L;
    private static final int NORM_SAMPLE = 256;

    private final SslMethodKind kind;
    private final long seed;
    private final TensorDataset train;
    private final TensorDataset test;
    private final String dataName;
    private final List<Variant> variants;
    private final AugmentationPipeline views;
    private final KnnMonitor knn;
    private final DataLoader loader;
    private final Models models = new Models();
    /** Evaluations in order: the initial one, then one per evaluated epoch of this process. */
    private final List<Map<String, Double>> history = new ArrayList<>();

    /** The container of the variants' modules: the checkpoint's tree. */
    private static final class Models extends Module {
        void add(String name, Module m) {
            registerModule(name, m);
        }
    }

    SslRun(SslMethodKind kind, long seed, int batchSize, TensorDataset train, TensorDataset test, String dataName,
            List<Variant> variants, AugmentationPipeline views, KnnMonitor knn) {
        this.kind = kind;
        this.seed = seed;
        this.train = train;
        this.test = test;
        this.dataName = dataName;
        this.variants = List.copyOf(variants);
        this.views = views;
        this.knn = knn;
        // Batch norm and NT-Xent need at least two rows; drop a short last batch.
        this.loader = DataLoader.builder(train).batchSize(Math.min(batchSize, train.size())).shuffle(seed).dropLast(true).build();
        variants.forEach(v -> models.add(v.name(), v.method()));
        history.add(evaluate());
    }

    @Override
    public Module model() {
        return models;
    }

    @Override
    public Map<String, Tensor> trainingState() {
        return OptimizerStates.of(optimizers());
    }

    @Override
    public void loadTrainingState(Map<String, Tensor> state) {
        OptimizerStates.load("SslRun.loadTrainingState", optimizers(), state);
    }

    private Map<String, Optimizer> optimizers() {
        Map<String, Optimizer> out = new LinkedHashMap<>();
        variants.forEach(v -> out.put(v.name(), v.optimizer()));
        return out;
    }

    @Override
    public DatasetSummary data() {
        Map<String, Integer> splits = new LinkedHashMap<>();
        splits.put("train (bank)", train.size());
        splits.put("test (kNN queries)", test.size());
        return new DatasetSummary(kind.id, dataName, splits);
    }

    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        Rng viewRng = new Rng(seed + (epoch + 1) * EPOCH_STRIDE);
        models.train();
        return LockstepEpoch.run(epoch, loader, variants.stream().map(Variant::name).toList(), batch -> {
            TwoViews pair = views.twoViews(batch.features(), viewRng);
            Map<String, Double> losses = new LinkedHashMap<>();
            for (Variant v : variants) {
                v.optimizer().zeroGrad();
                Tensor loss = v.method().loss(pair);
                loss.backward();
                v.optimizer().step();
                v.method().afterStep();
                losses.put(v.name(), loss.item());
            }
            return losses;
        }, n -> "train_loss." + n, listener, stop);
    }

    /** Per variant: kNN accuracy of the backbone's features and the mean norm of the loss's embeddings (test images). */
    @Override
    public Map<String, Double> evaluate() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Variant v : variants) {
            out.put("knn_acc." + v.name(), knn.accuracy(v.method().backbone(), train, test));
        }
        Tensor sample = test.features().narrow(0, 0, Math.min(NORM_SAMPLE, test.size()));
        for (Variant v : variants) {
            v.method().eval();
            try (GradMode.Scope ignored = GradMode.disabled()) {
                out.put("emb_norm." + v.name(), EmbeddingNorms.mean(v.method().cosineInputs(sample)));
            }
            v.method().train();
        }
        if (!history.isEmpty()) {
            history.add(out);
        }
        return out;
    }

    @Override
    public ResultTable results() {
        Map<String, Double> first = history.get(0);
        Map<String, Double> last = history.get(history.size() - 1);
        double bestFinal = variants.stream().mapToDouble(v -> last.get("knn_acc." + v.name())).max().orElse(0);
        double target = 0.9 * bestFinal;
        List<List<String>> rows = new ArrayList<>();
        for (Variant v : variants) {
            String acc = "knn_acc." + v.name();
            String norm = "emb_norm." + v.name();
            int reached = -1;
            double best = 0;
            for (int e = 1; e < history.size(); e++) {
                double a = history.get(e).get(acc);
                best = Math.max(best, a);
                if (reached < 0 && a >= target) {
                    reached = e;
                }
            }
            rows.add(List.of(v.name(), SslExperiment.format(v.cut()), v.gradScale() ? "yes" : "no", pct(first.get(acc)),
                    history.size() > 1 ? pct(history.get(1).get(acc)) : "-", pct(last.get(acc)), pct(best),
                    reached < 0 ? "not reached" : Integer.toString(reached), num(first.get(norm)), num(last.get(norm))));
        }
        List<String> notes = List.of(
                "kNN: k nearest training images by cosine of backbone features, weighted exp(sim / 0.1), on the test images",
                String.format(Locale.ROOT, "target = 90%% of the best final kNN accuracy = %s; epochs counted from 1 within"
                        + " this process (%d evaluated)", pct(target), history.size() - 1),
                "norm: mean ||z|| of the vectors the loss normalises (" + (kind == SslMethodKind.SIMCLR ? "projections"
                        : "predictions") + ") on up to " + NORM_SAMPLE + " test images");
        return new ResultTable(kind.label + ": cut-initialisation", List.of("model", "c", "GradScale", "kNN init", "kNN epoch 1",
                "kNN final", "kNN best", "epoch >= target", "norm init", "norm final"), rows, notes);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, v < 0.01 ? "%.2e" : "%.3f", v);
    }
}

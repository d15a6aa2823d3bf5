package org.equivariant4j.gconv.weightsharing.experiments;

import java.nio.file.Path;
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
import org.equivariant4j.core.experiment.StepProgress;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.weightsharing.KernelPermutations;
import org.equivariant4j.gconv.weightsharing.WeightSharingCnn;
import org.equivariant4j.gconv.weightsharing.analysis.MatrixFigure;
import org.equivariant4j.gconv.weightsharing.analysis.SymmetryAnalysis;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.nn.data.Batch;
import org.equivariant4j.nn.data.DataLoader;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.loss.Loss;
import org.equivariant4j.nn.loss.MseLoss;
import org.equivariant4j.nn.metric.Accuracy;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.nn.optim.OptimizerStates;

/**
 * Trains a {@link WeightSharingCnn} (no group given: |G| matrices per layer, learned) and, after every epoch, reads
 * what the lifting layer's matrices have become: each one's distance to the nearest permutation and to the nearest
 * element of C4, C2 and D4 acting on the kernel grid. The final result table names the nearest elements and the
 * one-to-one matching; the figure shows the learned matrices above their nearest C4 elements.
 */
final class DiscoveryRun implements ExperimentRun {
    static final CyclicGroup C4 = CyclicGroup.of(4);
    static final CyclicGroup C2 = CyclicGroup.of(2);
    static final DihedralGroup D4 = DihedralGroup.of(4);

    private final WeightSharingCnn model;
    private final TensorDataset train;
    private final TensorDataset test;
    private final DataLoader loader;
    private final Adam optimizer;
    private final Adam scoreOptimizer;
    private final DiscoveryTask task;
    private final Loss loss;
    private final double normScale;
    private final double entropyScale;
    private final int kernelSize;
    private final DatasetSummary data;
    private final Path figure;
    private final String title;
    private final double threshold;

    /**
     * @param tied the matrices are tied to C4 and not trained (a C4 G-CNN of the same shape, for comparison)
     */
    DiscoveryRun(DiscoveryTask task, WeightSharingCnn model, boolean tied, TensorDataset train, TensorDataset test, int batchSize, long seed,
            double lr, double scoreLr, double normScale, double entropyScale, int kernelSize, DatasetSummary data, Path figure,
            String title, double threshold) {
        this.task = task;
        this.loss = task.regression() ? new MseLoss() : new CrossEntropyLoss();
        this.model = model;
        this.train = train;
        this.test = test;
        this.loader = DataLoader.builder(train).batchSize(batchSize).shuffle(seed).dropLast(false).build();
        // Two learning rates, as in the paper's code (learning_rate, learning_rate_reps): the matrices' scores and the rest.
        List<Parameter> scores = new ArrayList<>();
        List<Parameter> rest = new ArrayList<>();
        model.namedParameters().forEach((name, p) -> (name.endsWith("scores") ? scores : rest).add(p));
        if (tied) {
            scores.clear();
        }
        this.optimizer = new Adam(rest, lr);
        this.scoreOptimizer = scores.isEmpty() ? null : new Adam(scores, scoreLr);
        // A tied network has no matrices to regularise (and its hard scores would make the norm penalty huge).
        this.normScale = tied ? 0 : normScale;
        this.entropyScale = tied ? 0 : entropyScale;
        this.kernelSize = kernelSize;
        this.data = data;
        this.figure = figure;
        this.title = title;
        this.threshold = threshold;
    }

    WeightSharingCnn network() {
        return model;
    }

    @Override
    public Module model() {
        return model;
    }

    /** Both optimisers' state (the scores' one only when the matrices are learned), for an exact resume. */
    @Override
    public Map<String, Tensor> trainingState() {
        return OptimizerStates.of(optimizers());
    }

    @Override
    public void loadTrainingState(Map<String, Tensor> state) {
        OptimizerStates.load("DiscoveryRun.loadTrainingState", optimizers(), state);
    }

    private Map<String, Adam> optimizers() {
        Map<String, Adam> out = new LinkedHashMap<>();
        out.put("kernels", optimizer);
        if (scoreOptimizer != null) {
            out.put("scores", scoreOptimizer);
        }
        return out;
    }

    @Override
    public DatasetSummary data() {
        return data;
    }

    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        model.train();
        int steps = loader.batchesPerEpoch();
        int step = 0;
        double lossSum = 0;
        double penaltySum = 0;
        for (Batch b : loader.epoch(epoch)) {
            optimizer.zeroGrad();
            if (scoreOptimizer != null) {
                scoreOptimizer.zeroGrad();
            }
            Tensor fit = loss.compute(predict(b.features()), b.labels());
            Tensor penalty = model.penalty(normScale, entropyScale);
            Tensor total = penalty == null ? fit : fit.add(penalty);
            total.backward();
            optimizer.step();
            if (scoreOptimizer != null) {
                scoreOptimizer.step();
            }
            lossSum += fit.item();
            penaltySum += penalty == null ? 0 : penalty.item();
            step++;
            listener.onStep(new StepProgress(epoch, step, steps, Map.of("loss", fit.item())));
            if (stop.getAsBoolean()) {
                break;
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("train_loss", lossSum / Math.max(1, step));
        m.put("penalty", penaltySum / Math.max(1, step));
        return new EpochTraining(m, step, step == steps);
    }

    /** The lifting layer's |G| doubly stochastic matrices in float64. */
    double[][][] liftingMatrices() {
        return model.lifting().learnedMatrices();
    }

    List<SymmetryAnalysis.Candidate> analyse(double[][][] matrices) {
        List<SymmetryAnalysis.Candidate> out = new ArrayList<>();
        for (FiniteGroup g : List.of(C4, C2, D4)) {
            out.add(SymmetryAnalysis.against(g, KernelPermutations.spatial(g, kernelSize), matrices));
        }
        return out;
    }

    private Tensor predict(Tensor images) {
        return switch (task) {
            case MAPS -> model.liftedMaps(images);
            case FIELD -> model.groupPooledField(images);
            case TEACHER, LABELS -> model.forward(images);
        };
    }

    /** Test accuracy (classification) or test mean squared error on standardised targets (regression). */
    double testMetric() {
        model.eval();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor out = predict(test.features());
            return task.regression() ? loss.compute(out, test.labels()).item() : Accuracy.of(out, test.labels());
        }
    }

    private String metricName() {
        return task.regression() ? "test_mse" : "test_acc";
    }

    @Override
    public Map<String, Double> evaluate() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(metricName(), testMetric());
        double[][][] m = liftingMatrices();
        double[] perm = SymmetryAnalysis.toPermutations(m);
        List<SymmetryAnalysis.Candidate> c = analyse(m);
        int from = model.lifting().options().fixIdentity() ? 1 : 0;
        for (int g = from; g < m.length; g++) {
            out.put("c4_dist_" + g, c.get(0).nearest().get(g).distance());
        }
        out.put("c4_matched_max", c.get(0).maxMatched());
        for (int g = from; g < m.length; g++) {
            out.put("c2_dist_" + g, c.get(1).nearest().get(g).distance());
        }
        for (int g = from; g < m.length; g++) {
            out.put("perm_dist_" + g, perm[g]);
        }
        return out;
    }

    @Override
    public ResultTable results() {
        double[][][] m = liftingMatrices();
        double[] perm = SymmetryAnalysis.toPermutations(m);
        List<SymmetryAnalysis.Candidate> c = analyse(m);
        List<List<String>> rows = new ArrayList<>();
        boolean fixed = model.lifting().options().fixIdentity();
        for (int g = 0; g < m.length; g++) {
            rows.add(List.of(g + (fixed && g == 0 ? " (fixed)" : ""), fmt(perm[g]),
                    c.get(0).nearest().get(g).element() + " " + fmt(c.get(0).nearest().get(g).distance()),
                    c.get(0).matched().get(g).element() + " " + fmt(c.get(0).matched().get(g).distance()),
                    c.get(1).nearest().get(g).element() + " " + fmt(c.get(1).nearest().get(g).distance()),
                    c.get(2).nearest().get(g).element() + " " + fmt(c.get(2).nearest().get(g).distance())));
        }
        writeFigure(m, c.get(0));
        double metric = testMetric();
        return new ResultTable(title, List.of("matrix", "to nearest permutation", "nearest C4 element", "C4 one-to-one match",
                "nearest C2 element", "nearest D4 element"), rows, List.of(
                String.format(Locale.ROOT, "%s; distances are Frobenius norms ||A - P||_F over the %d x %d"
                        + " kernel-position matrices; the uniform matrix is %.2f from every permutation", task.regression()
                        ? String.format(Locale.ROOT, "test MSE %.4f (targets scaled to unit variance: predicting their mean"
                                + " scores about 1)", metric)
                        : String.format(Locale.ROOT, "test accuracy %.1f%%", 100 * metric),
                        kernelSize * kernelSize, kernelSize * kernelSize, Math.sqrt(kernelSize * kernelSize - 1.0)),
                String.format(Locale.ROOT, "C4 found when every one-to-one matched distance is below %.2f: largest is %.3f (%s)",
                        threshold, c.get(0).maxMatched(), c.get(0).maxMatched() < threshold ? "found" : "not found"),
                "figure: " + figure.toAbsolutePath()));
    }

    private void writeFigure(double[][][] m, SymmetryAnalysis.Candidate c4) {
        double[][][] rep = KernelPermutations.spatial(C4, kernelSize);
        double[][][] matched = new double[m.length][][];
        List<String> learned = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (int g = 0; g < m.length; g++) {
            // The nearest element, not the one-to-one match: with partial symmetry several matrices share an element.
            SymmetryAnalysis.Nearest n = c4.nearest().get(g);
            int e = indexOf(n.element());
            matched[g] = rep[e];
            learned.add(String.format(Locale.ROOT, "matrix %d: %.3f to %s", g, n.distance(), n.element()));
            truth.add(n.element());
        }
        if (figure.getParent() != null) {
            figure.getParent().toFile().mkdirs();
        }
        MatrixFigure.write(figure, title, List.of(new MatrixFigure.Row("learned lifting matrices (" + kernelSize + "x"
                + kernelSize + " kernel positions)", learned, m),
                new MatrixFigure.Row("nearest C4 element of each, acting on the kernel grid", truth, matched)));
    }

    private static int indexOf(String element) {
        for (int e = 0; e < C4.order(); e++) {
            if (C4.elements().get(e).toString().equals(element)) {
                return e;
            }
        }
        throw new IllegalStateException("not a C4 element: " + element);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

package org.equivariant4j.ssl.invariance.experiment;

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
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.Batch;
import org.equivariant4j.nn.data.DataLoader;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.GridSymmetry;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.metric.Accuracy;
import org.equivariant4j.nn.optim.OptimizerStates;
import org.equivariant4j.ssl.invariance.InputSensitivity;
import org.equivariant4j.ssl.invariance.InvarianceChecker;
import org.equivariant4j.ssl.invariance.InvarianceReport;
import org.equivariant4j.ssl.invariance.OrbitAction;

/**
 * A run of {@code learned-invariance}: the contenders trained side by side on the same batches (each with its own
 * Adam; augmentation and orbit samples drawn from a stream seeded by the run's seed and the epoch, so a resumed run
 * takes the uninterrupted run's steps), accuracy upright and on the orbit after every epoch, and at the end the
 * invariance metrics in distribution and under shift, and the input sensitivity, as a table and a figure.
 */
final class LearnedInvarianceRun implements ExperimentRun {
    /** Spreads epochs over the seed space for the augmentation streams (the golden ratio, as the loader does). */
    private static final long EPOCH_STRIDE = 0x9E3779B97F4A7C15L;
    static final double PERTURBATION = 0.1;

    /** A named set of inputs the metrics are measured on. */
    record MeasuredSet(String name, Tensor images) {
    }

    private final Contenders container = new Contenders();
    private final List<Contender> contenders;
    private final DatasetSummary data;
    private final long seed;
    private final DataLoader loader;
    private final GridSymmetry orbitGroup;
    private final OrbitAction action;
    private final TensorDataset test;
    private final TensorDataset orbitTest;
    private final List<MeasuredSet> measured;
    private final Path figure;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    LearnedInvarianceRun(List<Contender> contenders, DatasetSummary data, long seed, int batchSize, TensorDataset train,
            TensorDataset test, GridSymmetry orbitGroup, List<MeasuredSet> measured, Rng rng, Path figure) {
        this.contenders = List.copyOf(contenders);
        this.data = data;
        this.seed = seed;
        this.orbitGroup = orbitGroup;
        this.action = OrbitAction.onFlattenedImages(orbitGroup.group(), orbitGroup.size());
        this.test = test;
        this.orbitTest = new TensorDataset(orbitGroup.moveEachRandomly(test.features(), rng), test.labels());
        this.measured = List.copyOf(measured);
        this.figure = figure;
        // Drop a last partial batch when there is more than one: a tiny last batch makes a noisy step.
        int size = Math.min(batchSize, train.size());
        this.loader = DataLoader.builder(train).batchSize(size).shuffle(seed).dropLast(train.size() / size >= 1).build();
        contenders.forEach(container::add);
    }

    /** The contenders' networks as children of one module: the run's checkpoint. */
    private static final class Contenders extends Module {
        void add(Contender c) {
            registerModule(c.name(), c.net());
        }
    }

    List<Contender> contenders() {
        return contenders;
    }

    @Override
    public Module model() {
        return container;
    }

    @Override
    public Map<String, Tensor> trainingState() {
        return OptimizerStates.of(optimizers());
    }

    @Override
    public void loadTrainingState(Map<String, Tensor> state) {
        OptimizerStates.load("learned-invariance", optimizers(), state);
    }

    private Map<String, org.equivariant4j.nn.optim.Adam> optimizers() {
        Map<String, org.equivariant4j.nn.optim.Adam> out = new LinkedHashMap<>();
        contenders.forEach(c -> out.put(c.name(), c.optimizer()));
        return out;
    }

    @Override
    public DatasetSummary data() {
        return data;
    }

    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        Rng rng = new Rng(seed + (epoch + 1) * EPOCH_STRIDE);
        Map<String, Double> sums = new LinkedHashMap<>();
        int steps = loader.batchesPerEpoch();
        int step = 0;
        contenders.forEach(c -> c.net().train());
        for (Batch batch : loader.epoch(epoch)) {
            Map<String, Double> losses = new LinkedHashMap<>();
            for (Contender c : contenders) {
                Tensor x = c.augmented() ? orbitGroup.moveEachRandomly(batch.features(), rng) : batch.features();
                c.optimizer().zeroGrad();
                Tensor l = c.regularizer() == null ? loss.compute(c.net().forward(x), batch.labels())
                        : c.regularizer().loss(c.net()::forward, x, batch.labels(), loss, rng);
                l.backward();
                c.optimizer().step();
                losses.put(c.name(), l.item());
                sums.merge("train_loss." + c.name(), l.item(), Double::sum);
            }
            step++;
            listener.onStep(new StepProgress(epoch, step, steps, losses));
            if (stop.getAsBoolean() && step < steps) {
                break;
            }
        }
        int done = Math.max(1, step);
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((k, v) -> means.put(k, v / done));
        return new EpochTraining(means, step, step == steps);
    }

    @Override
    public Map<String, Double> evaluate() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Contender c : contenders) {
            out.put("test_acc." + c.name(), accuracy(c, test));
            out.put("orbit_acc." + c.name(), accuracy(c, orbitTest));
        }
        return out;
    }

    double accuracy(Contender c, TensorDataset set) {
        c.net().eval();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return Accuracy.of(c.net().forward(set.features()), set.labels());
        }
    }

    /** The invariance report of {@code c} on the measured set {@code name}. */
    InvarianceReport report(Contender c, String name) {
        Tensor images = measured.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow().images();
        return InvarianceChecker.of(c.label(), c.net(), c.net()::forward, action).chunkSize(128).measure(images);
    }

    /** Input sensitivity of {@code c} on the in-distribution measured set. */
    InputSensitivity.Spectrum spectrum(Contender c) {
        return InputSensitivity.of(c.net(), c.net()::forward).jacobianSpectrum(measured.get(0).images());
    }

    double randomResponse(Contender c) {
        return InputSensitivity.of(c.net(), c.net()::forward).randomPerturbationResponse(measured.get(0).images(),
                PERTURBATION, new Rng(seed * 31 + 7));
    }

    @Override
    public ResultTable results() {
        List<String> columns = new ArrayList<>(List.of("model", "parameters", "upright acc", "orbit acc", "orbit agreement",
                "JS", "logit dist", "saliency sim"));
        for (MeasuredSet m : measured.subList(1, measured.size())) {
            columns.add("logit dist (" + m.name() + ")");
        }
        columns.addAll(List.of("random response", "Jacobian Σσ"));
        List<List<String>> rows = new ArrayList<>();
        List<InvarianceFigure.Series> series = new ArrayList<>();
        for (Contender c : contenders) {
            List<String> row = new ArrayList<>();
            InvarianceReport in = report(c, measured.get(0).name());
            row.addAll(List.of(c.label(), String.format(Locale.ROOT, "%,d", c.net().parameterCount()),
                    percent(accuracy(c, test)), percent(accuracy(c, orbitTest)), percent(in.meanAgreement()),
                    sci(in.meanJs()), sci(in.meanLogitDistance()), fixed(in.meanSaliencySimilarity())));
            List<Double> distances = new ArrayList<>(List.of(in.meanLogitDistance()));
            for (MeasuredSet m : measured.subList(1, measured.size())) {
                double d = report(c, m.name()).meanLogitDistance();
                distances.add(d);
                row.add(sci(d));
            }
            InputSensitivity.Spectrum s = spectrum(c);
            row.add(fixed(randomResponse(c)));
            row.add(fixed(s.total()));
            rows.add(row);
            series.add(new InvarianceFigure.Series(c.label(), distances, s.values()));
        }
        List<String> setNames = measured.stream().map(MeasuredSet::name).toList();
        InvarianceFigure.write(figure, "learned-invariance: " + data.name(), setNames, series);
        return new ResultTable("Learned vs genuine invariance under " + orbitGroup.group().name() + " (" + data.name() + ")",
                columns, rows, List.of(
                        "orbit acc: test images each turned by a random element of " + orbitGroup.group().name()
                                + "; orbit agreement: predicted class kept under every turn",
                        "JS (nats), logit dist (normalised by the logit spread), saliency sim (cosine): means over the "
                                + "non-identity elements on " + measured.get(0).images().size(0) + " test images;"
                                + " definitions: InvarianceChecker",
                        "shifted sets: " + String.join(", ", setNames.subList(1, setNames.size())),
                        "random response: |f(x + 0.1 u) - f(x)| / (0.1 σ), u a random unit direction; Jacobian Σσ: sum of the"
                                + " input Jacobian's singular values / σ (σ: logit spread); definitions: InputSensitivity",
                        "figure: " + figure.toAbsolutePath()));
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}

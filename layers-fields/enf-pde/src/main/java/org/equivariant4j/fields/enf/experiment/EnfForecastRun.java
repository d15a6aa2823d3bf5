package org.equivariant4j.fields.enf.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
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
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.enf.field.LatentPointCloud;
import org.equivariant4j.fields.enf.baseline.GridBaseline;
import org.equivariant4j.fields.enf.baseline.GridBaselineSettings;
import org.equivariant4j.fields.enf.baseline.GridStepper;
import org.equivariant4j.fields.enf.pde.ForecastMse;
import org.equivariant4j.fields.enf.pde.FrameFigure;
import org.equivariant4j.fields.enf.pde.ObservedPoints;
import org.equivariant4j.fields.enf.pde.PdeDataset;
import org.equivariant4j.fields.enf.pde.Split;
import org.equivariant4j.fields.enf.pde.Trajectories;
import org.equivariant4j.nn.layer.ModuleDict;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.nn.optim.GradientClipping;
import org.equivariant4j.nn.optim.Optimizer;
import org.equivariant4j.nn.optim.OptimizerStates;

/**
 * A started {@link EnfForecastExperiment}: every forecaster trains on the same batches, in two stages as the
 * reference code does. Field stage (epochs before {@code fieldEpochs}): the outer loss of meta-learned auto-decoding,
 * the reconstruction error after the inner fitting steps (second order), on random frames of the training horizon at
 * random seen points, trains the field, the latent start and the step sizes. ODE stage (the later epochs): the latents
 * of frame 0 are fitted (detached: the field is frozen), rolled out by the ODE over the horizon, decoded at random seen
 * points of every frame, and the mean squared error trains the ODE alone, backpropagated through every integration step.
 *
 * <p>Evaluation fits frame 0 of each test trajectory from its seen points, rolls out to the last frame and scores
 * every frame at the seen and unseen points ({@link ForecastMse}), on the test split and on the transformed test
 * split (the same initial conditions moved by a symmetry), beside the persistence forecast and, where the problem has
 * a square grid, the grid CNN baseline (trained on the first evaluation, on every grid point of the training frames).
 */
final class EnfForecastRun implements ExperimentRun {
    /** Frames of the training horizon a field-stage step fits per trajectory (the reference fits 4 of its 10). */
    private static final int FRAMES_PER_FIELD_STEP = 4;
    private static final double CLIP_NORM = 1.0;
    private static final Split[] SPLITS = {Split.TEST, Split.TRANSFORMED_TEST};
    private static final String CNN = "cnn";
    private static final String PERSISTENCE = "persistence";

    /** How the run trains and evaluates. */
    record Protocol(int batchSize, int fieldEpochs, int horizon, int pointsPerStep, double fieldLearningRate,
            double odeLearningRate, boolean trainStart, long seed, GridBaselineSettings baseline, Path figure) {
    }

    private final String id;
    private final PdeDataset data;
    private final ObservedPoints observed;
    private final Map<String, EnfForecaster> models;
    private final Map<String, ModelCoordinates> coordinates = new LinkedHashMap<>();
    private final Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    private final Protocol protocol;
    private final DatasetSummary summary;
    private final ModuleDict container = new ModuleDict();
    private GridStepper cnn;
    private long trainingNanos;
    private long steps;

    EnfForecastRun(String id, PdeDataset data, ObservedPoints observed, Map<String, EnfForecaster> models,
            Protocol protocol, DatasetSummary summary) {
        this.id = id;
        this.data = data;
        this.observed = observed;
        this.models = models;
        this.protocol = protocol;
        this.summary = summary;
        models.forEach((name, model) -> {
            container.put(name, model);
            coordinates.put(name, ModelCoordinates.of(data.grid(), model.invariant().coordinateDim()));
            optimizers.put(name + ".field", Adam.builder(fieldStageParameters(model)).learningRate(protocol.fieldLearningRate()).build());
            optimizers.put(name + ".ode", Adam.builder(model.ode().parameters()).learningRate(protocol.odeLearningRate())
                    .build());
        });
    }

    @Override
    public Module model() {
        return container;
    }

    @Override
    public Map<String, Tensor> trainingState() {
        return OptimizerStates.of(optimizers);
    }

    @Override
    public void loadTrainingState(Map<String, Tensor> state) {
        OptimizerStates.load("EnfForecastRun.loadTrainingState", optimizers, state);
    }

    @Override
    public DatasetSummary data() {
        return summary;
    }

    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        Trajectories train = data.train();
        int batch = Math.min(protocol.batchSize(), train.count());
        int total = train.count() / batch;
        boolean fieldStage = epoch < protocol.fieldEpochs();
        Rng rng = new Rng(protocol.seed() * 1_000_003L + epoch);
        int[] order = rng.permutation(train.count());
        Map<String, Double> sums = new LinkedHashMap<>();
        int done = 0;
        long start = System.nanoTime();
        for (int s = 0; s < total; s++) {
            int[] trajectories = Arrays.copyOfRange(order, s * batch, (s + 1) * batch);
            int[] points = sample(observed.seen(), protocol.pointsPerStep(), rng);
            int[] frames = fieldStage ? sample(range(protocol.horizon()), FRAMES_PER_FIELD_STEP, rng)
                    : range(protocol.horizon());
            Map<String, Double> losses = new LinkedHashMap<>();
            for (Map.Entry<String, EnfForecaster> e : models.entrySet()) {
                double loss = fieldStage ? fieldStep(e.getKey(), e.getValue(), trajectories, frames, points)
                        : odeStep(e.getKey(), e.getValue(), trajectories, frames, points);
                losses.put(e.getKey(), loss);
                sums.merge(e.getKey(), loss, Double::sum);
            }
            done++;
            listener.onStep(new StepProgress(epoch, s + 1, total, losses));
            if (stop.getAsBoolean() && s + 1 < total) {
                break;
            }
        }
        trainingNanos += System.nanoTime() - start;
        steps += done;
        Map<String, Double> metrics = new LinkedHashMap<>();
        String stage = fieldStage ? "_field_loss" : "_ode_loss";
        for (Map.Entry<String, Double> e : sums.entrySet()) {
            metrics.put(e.getKey() + stage, e.getValue() / done);
        }
        return new EpochTraining(metrics, done, done == total);
    }

    /**
     * What the field stage trains: the field and the meta-SGD step sizes, and the shared latent start only if
     * {@link Protocol#trainStart()}. The reference keeps the start fixed (its code learning rate is 0): a start spread
     * over the whole domain keeps the fit of an initial condition anywhere (a turned one) as good as in the training
     * region, where a trained start drifts to the training region and the inner steps cannot bring it back.
     */
    private List<Parameter> fieldStageParameters(EnfForecaster model) {
        List<Parameter> out = new ArrayList<>(model.field().parameters());
        model.initialisation().namedParameters().forEach((name, p) -> {
            if (protocol.trainStart() || name.endsWith("LearningRates")) {
                out.add(p);
            }
        });
        return out;
    }

    /** One outer step of meta-learned fitting on {@code frames} of each trajectory; returns the outer loss. */
    private double fieldStep(String name, EnfForecaster model, int[] trajectories, int[] frames, int[] points) {
        Optimizer optimizer = optimizers.get(name + ".field");
        optimizer.zeroGrad();
        int fields = frames.length * trajectories.length;
        Tensor coords = coordinates.get(name).at(points, fields);
        Tensor values = ModelCoordinates.values(data.train(), trajectories, frames, points);
        Tensor loss = model.reconstructionLoss(coords, values, model.fit(coords, values));
        loss.backward();
        GradientClipping.clipGlobalNorm(fieldStageParameters(model), CLIP_NORM);
        optimizer.step();
        model.initialisation().clampLearningRates();
        model.zeroGrad();
        return loss.item();
    }

    /** One step of the ODE on the horizon from the fitted (frozen) frame-0 latents; returns the forecast loss. */
    private double odeStep(String name, EnfForecaster model, int[] trajectories, int[] frames, int[] points) {
        Optimizer optimizer = optimizers.get(name + ".ode");
        optimizer.zeroGrad();
        ModelCoordinates at = coordinates.get(name);
        Tensor coords = at.at(points, trajectories.length);
        LatentPointCloud start;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            start = model.fit(coords, ModelCoordinates.values(data.train(), trajectories, new int[] {0}, points));
        }
        List<LatentPointCloud> path = model.rollout(start, frames.length - 1);
        Tensor decoded = model.decode(path, at.at(points, frames.length * trajectories.length)
                .reshape(frames.length, trajectories.length, points.length, -1));
        Tensor truth = ModelCoordinates.values(data.train(), trajectories, frames, points)
                .reshape(frames.length, trajectories.length, points.length);
        Tensor loss = decoded.sub(truth).pow(2).mean();
        loss.backward();
        GradientClipping.clipGlobalNorm(model.ode().parameters(), CLIP_NORM);
        optimizer.step();
        model.zeroGrad();
        return loss.item();
    }

    @Override
    public Map<String, Double> evaluate() {
        return metrics(forecasts());
    }

    /** Every forecaster's (and the grid baseline's) forecasts of both test splits, {@code [N, T, P]}, by name and split. */
    private Map<String, Map<Split, float[]>> forecasts() {
        Map<String, Map<Split, float[]>> out = new LinkedHashMap<>();
        for (Map.Entry<String, EnfForecaster> e : models.entrySet()) {
            Map<Split, float[]> bySplit = new EnumMap<>(Split.class);
            for (Split split : SPLITS) {
                bySplit.put(split, forecast(e.getKey(), e.getValue(), data.split(split)));
            }
            out.put(e.getKey(), bySplit);
        }
        GridStepper cnn = baseline();
        if (cnn != null) {
            Map<Split, float[]> bySplit = new EnumMap<>(Split.class);
            for (Split split : SPLITS) {
                bySplit.put(split, GridBaseline.rollout(cnn, data.split(split)));
            }
            out.put(CNN, bySplit);
        }
        Map<Split, float[]> persistence = new EnumMap<>(Split.class);
        for (Split split : SPLITS) {
            persistence.put(split, ForecastMse.persistenceForecast(data.split(split)));
        }
        out.put(PERSISTENCE, persistence);
        return out;
    }

    /** The grid baseline, trained on first use (it sees every grid point of the training frames), or null if off. */
    private GridStepper baseline() {
        if (cnn == null && protocol.baseline() != null) {
            cnn = GridBaseline.train(data, protocol.baseline());
        }
        return cnn;
    }

    /** The name of a test split in metric names: {@code test} or {@code transformed}. */
    static String label(Split split) {
        return split == Split.TEST ? "test" : "transformed";
    }

    /** Fits frame 0 of every trajectory at the seen points and decodes the rollout at every grid point. */
    private float[] forecast(String name, EnfForecaster model, Trajectories truth) {
        ModelCoordinates at = coordinates.get(name);
        int points = truth.points();
        int frames = truth.frames();
        int[] all = range(points);
        float[] out = new float[truth.values().length];
        int batch = Math.min(protocol.batchSize(), truth.count());
        try (GradMode.Scope ignored = GradMode.disabled()) {
            for (int from = 0; from < truth.count(); from += batch) {
                int[] trajectories = range(from, Math.min(truth.count(), from + batch));
                Tensor seen = at.at(observed.seen(), trajectories.length);
                LatentPointCloud start = model.fit(seen,
                        ModelCoordinates.values(truth, trajectories, new int[] {0}, observed.seen()));
                List<LatentPointCloud> path = model.rollout(start, frames - 1);
                Tensor grid = at.at(all, trajectories.length).unsqueeze(0);
                for (int t = 0; t < frames; t++) {
                    float[] decoded = model.decode(List.of(path.get(t)), grid).toFloatArray();
                    for (int k = 0; k < trajectories.length; k++) {
                        System.arraycopy(decoded, k * points, out, (trajectories[k] * frames + t) * points, points);
                    }
                }
            }
        }
        return out;
    }

    private Map<String, Double> metrics(Map<String, Map<Split, float[]>> forecasts) {
        Map<String, Double> m = new LinkedHashMap<>();
        forecasts.forEach((name, bySplit) -> bySplit.forEach((split, f) -> {
            Trajectories truth = data.split(split);
            ForecastMse seen = ForecastMse.of(truth, f, protocol.horizon(), observed.seen());
            ForecastMse unseen = ForecastMse.of(truth, f, protocol.horizon(), observed.unseen());
            String k = name + "_" + label(split);
            m.put(k + "_in_seen_mse", seen.inHorizon());
            m.put(k + "_in_unseen_mse", unseen.inHorizon());
            m.put(k + "_beyond_seen_mse", seen.beyondHorizon());
            m.put(k + "_beyond_unseen_mse", unseen.beyondHorizon());
            m.put(k + "_initial_mse", initialError(truth, f));
        }));
        m.put("ms_per_step", steps == 0 ? Double.NaN : trainingNanos / 1e6 / steps);
        return m;
    }

    /**
     * The error of frame 0 over every grid point: for a forecaster, how well the fitted latents reconstruct the initial
     * condition they were fitted to (from its seen points), the start every later frame inherits; 0 for persistence.
     */
    private static double initialError(Trajectories truth, float[] forecast) {
        double sum = 0;
        int span = truth.frames() * truth.points();
        for (int n = 0; n < truth.count(); n++) {
            for (int p = 0; p < truth.points(); p++) {
                double d = forecast[n * span + p] - truth.values()[n * span + p];
                sum += d * d;
            }
        }
        return sum / ((double) truth.count() * truth.points());
    }

    @Override
    public ResultTable results() {
        Map<String, Map<Split, float[]>> forecasts = forecasts();
        Map<String, Double> m = metrics(forecasts);
        List<List<String>> rows = new ArrayList<>();
        for (String name : forecasts.keySet()) {
            for (Split split : SPLITS) {
                String k = name + "_" + label(split);
                rows.add(List.of(describe(name), label(split), format(m.get(k + "_in_seen_mse")),
                        format(m.get(k + "_in_unseen_mse")), format(m.get(k + "_beyond_seen_mse")),
                        format(m.get(k + "_beyond_unseen_mse")), format(m.get(k + "_initial_mse"))));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "forecast MSE; 'in': frames 1-%d (the training horizon), 'beyond': frames"
                + " %d-%d; seen: the %d observed points, unseen: the other %d", protocol.horizon() - 1, protocol.horizon(),
                data.test().frames() - 1, observed.seen().length, observed.unseen().length));
        notes.add("frame 0: MSE of the forecast's first frame over all points, i.e. of the fit of the initial condition"
                + " from its seen points");
        notes.add("training: " + protocol.fieldEpochs() + " field epoch(s) (meta-learned fitting, second order), then"
                + " ODE epochs (field frozen); persistence: the true frame 0 held"
                + (forecasts.containsKey(CNN) ? "; grid CNN: trained and rolled out on the whole grid (all points seen)"
                        : ""));
        if (protocol.figure() != null) {
            writeFigure(forecasts);
            notes.add("figure: " + protocol.figure().toAbsolutePath());
        }
        return new ResultTable(id + ": forecast MSE on the test split and on the transformed test split",
                List.of("model", "split", "in seen", "in unseen", "beyond seen", "beyond unseen",
                        "frame 0"), rows, notes);
    }

    private String describe(String name) {
        EnfForecaster model = models.get(name);
        if (model != null) {
            return "ENF " + name + " (" + model.invariant().id() + ")";
        }
        return name.equals(CNN) ? "grid CNN" : name;
    }

    /** Truth and every forecast of the first transformed test trajectory, at five frames. */
    private void writeFigure(Map<String, Map<Split, float[]>> forecasts) {
        Trajectories truth = data.split(Split.TRANSFORMED_TEST);
        int span = truth.frames() * truth.points();
        List<FrameFigure.Series> rows = new ArrayList<>();
        rows.add(new FrameFigure.Series("truth", Arrays.copyOf(truth.values(), span)));
        forecasts.forEach((name, bySplit) -> {
            if (!name.equals(PERSISTENCE)) {
                // short labels: the figure's label column is narrow
                EnfForecaster model = models.get(name);
                String label = model == null ? describe(name) : "ENF " + model.invariant().id();
                rows.add(new FrameFigure.Series(label, Arrays.copyOf(bySplit.get(Split.TRANSFORMED_TEST), span)));
            }
        });
        int last = truth.frames() - 1;
        int h = protocol.horizon();
        FrameFigure.write(protocol.figure(), id + ": transformed test trajectory 0 (frames from " + h
                + " on are beyond the training horizon)", data.grid(), truth.dt(), new int[] {0, h / 2, h - 1, (h + last) / 2,
                        last}, rows);
    }

    private static int[] sample(int[] from, int count, Rng rng) {
        if (count >= from.length) {
            return from.clone();
        }
        int[] order = rng.permutation(from.length);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = from[order[i]];
        }
        Arrays.sort(out);
        return out;
    }

    private static int[] range(int n) {
        return range(0, n);
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static String format(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.5f", v);
    }
}

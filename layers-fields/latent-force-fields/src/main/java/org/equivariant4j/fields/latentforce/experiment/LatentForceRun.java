package org.equivariant4j.fields.latentforce.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.experiment.StepProgress;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.fields.latentforce.model.ForceModel;
import org.equivariant4j.fields.latentforce.model.LatentForceModel;
import org.equivariant4j.fields.latentforce.model.TransitionBatch;
import org.equivariant4j.fields.latentforce.model.Transitions;
import org.equivariant4j.fields.latentforce.system.FieldDataset;
import org.equivariant4j.nn.layer.ModuleDict;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.nn.optim.Optimizer;
import org.equivariant4j.nn.optim.OptimizerStates;

/**
 * A started {@link LatentForceExperiment}: every model trains on the same batches in the same order (a function of
 * the seed and the epoch), each with its own Adam; the loss is the MSE of the next positions plus that of the next
 * velocities. Evaluation is on the test trajectories, after the last epoch (there is no model selection).
 */
final class LatentForceRun implements ExperimentRun {

    /** How the run trains and evaluates. */
    record Protocol(int batchSize, double learningRate, long seed, int rolloutStart, int rolloutSteps, int grid,
            Path figure) {
    }

    private final String id;
    private final FieldDataset data;
    private final Transitions train;
    private final Transitions test;
    private final Map<ForceModel, LatentForceModel> models;
    private final Map<ForceModel, Optimizer> optimizers = new LinkedHashMap<>();
    private final Protocol protocol;
    private final DatasetSummary summary;
    private final ModuleDict container = new ModuleDict();
    private final int batchSize;
    private long trainingNanos;
    private long steps;

    LatentForceRun(String id, FieldDataset data, Transitions train, Transitions test, Map<ForceModel, LatentForceModel> models,
            Protocol protocol, DatasetSummary summary) {
        this.id = id;
        this.data = data;
        this.train = train;
        this.test = test;
        this.models = models;
        this.protocol = protocol;
        this.summary = summary;
        this.batchSize = Math.min(protocol.batchSize(), train.size());
        models.forEach((kind, model) -> {
            container.put(kind.id(), model);
            optimizers.put(kind, Adam.builder(model.parameters()).learningRate(protocol.learningRate()).build());
        });
    }

    @Override
    public Module model() {
        return container;
    }

    @Override
    public Map<String, Tensor> trainingState() {
        Map<String, Optimizer> named = new LinkedHashMap<>();
        optimizers.forEach((k, o) -> named.put(k.id(), o));
        return OptimizerStates.of(named);
    }

    @Override
    public void loadTrainingState(Map<String, Tensor> state) {
        Map<String, Optimizer> named = new LinkedHashMap<>();
        optimizers.forEach((k, o) -> named.put(k.id(), o));
        OptimizerStates.load("LatentForceRun.loadTrainingState", named, state);
    }

    @Override
    public DatasetSummary data() {
        return summary;
    }

    @Override
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        int[] order = new Rng(protocol.seed() * 1_000_003L + epoch).permutation(train.size());
        int total = train.size() / batchSize;
        Map<ForceModel, Double> sums = new LinkedHashMap<>();
        models.keySet().forEach(k -> sums.put(k, 0.0));
        int done = 0;
        long start = System.nanoTime();
        for (int s = 0; s < total; s++) {
            TransitionBatch batch = train.batch(Arrays.copyOfRange(order, s * batchSize, (s + 1) * batchSize));
            Map<String, Double> losses = new LinkedHashMap<>();
            for (Map.Entry<ForceModel, LatentForceModel> e : models.entrySet()) {
                double value = step(e.getValue(), optimizers.get(e.getKey()), batch);
                sums.merge(e.getKey(), value, Double::sum);
                losses.put(e.getKey().id(), value);
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
        for (Map.Entry<ForceModel, Double> e : sums.entrySet()) {
            metrics.put(e.getKey().id() + "_train_loss", done == 0 ? Double.NaN : e.getValue() / done);
        }
        return new EpochTraining(metrics, done, done == total);
    }

    private double step(LatentForceModel model, Optimizer optimizer, TransitionBatch batch) {
        optimizer.zeroGrad();
        Tensor l = model.loss(batch);
        l.backward();
        optimizer.step();
        return l.item();
    }

    @Override
    public Map<String, Double> evaluate() {
        return metrics(fieldComparisons());
    }

    /** The metrics of {@link #evaluate()}, with the field scores taken from {@code fields}. */
    private Map<String, Double> metrics(Map<ForceModel, FieldComparison> fields) {
        Map<String, Double> m = new LinkedHashMap<>();
        double interval = data.system().frameInterval();
        for (Map.Entry<ForceModel, LatentForceModel> e : models.entrySet()) {
            String k = e.getKey().id();
            LatentForceModel model = e.getValue();
            m.put(k + "_test_mse", Forecasts.oneStepMse(model, test, protocol.batchSize()));
            m.put(k + "_rollout_mse", Forecasts.rolloutMse(model, test, protocol.rolloutStart(), protocol.rolloutSteps(),
                    interval, protocol.batchSize()));
            FieldComparison c = fields.get(e.getKey());
            if (c != null) {
                m.put(k + "_field_cosine", c.cosine());
                m.put(k + "_field_relative_error", c.relativeError());
            }
        }
        m.put("constant_velocity_rollout_mse", Forecasts.rolloutMse(null, test, protocol.rolloutStart(),
                protocol.rolloutSteps(), interval, protocol.batchSize()));
        m.put("ms_per_step", steps == 0 ? Double.NaN : trainingNanos / 1e6 / steps);
        return m;
    }

    /** The learned field of every model that has one against the true field, in the models' order. */
    private Map<ForceModel, FieldComparison> fieldComparisons() {
        Map<ForceModel, FieldComparison> out = new LinkedHashMap<>();
        models.forEach((kind, model) -> {
            if (model.field() != null) {
                out.put(kind, FieldComparison.measure(FieldComparison.of(model.field()), data.simulator(), data.train(),
                        protocol.grid()));
            }
        });
        return out;
    }

    @Override
    public ResultTable results() {
        Map<ForceModel, FieldComparison> fields = fieldComparisons();
        Map<String, Double> m = metrics(fields);
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<ForceModel, LatentForceModel> e : models.entrySet()) {
            String k = e.getKey().id();
            boolean field = e.getValue().field() != null;
            rows.add(List.of(e.getKey().label(), String.format(Locale.ROOT, "%,d", e.getValue().parameterCount()),
                    format(m.get(k + "_test_mse")), format(m.get(k + "_rollout_mse")),
                    field ? String.format(Locale.ROOT, "%.3f", m.get(k + "_field_cosine")) : "-",
                    field ? String.format(Locale.ROOT, "%.3f", m.get(k + "_field_relative_error")) : "-"));
        }
        rows.add(List.of("constant velocity", "0", "-", format(m.get("constant_velocity_rollout_mse")), "-", "-"));
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "rollout: %d frames from frame %d of each test trajectory, position MSE;"
                + " one-step: next positions over all test transitions", protocol.rolloutSteps(), protocol.rolloutStart()));
        notes.add("field: learned acceleration on a unit positive coupling against the true one, on a "
                + protocol.grid() + "-point-per-axis grid, over the cells the training trajectories visited");
        writeFigure(fields).ifPresent(notes::add);
        return new ResultTable(id + ": forecasting and field discovery on the " + data.system().name() + " system",
                List.of("model", "parameters", "1-step test MSE", "rollout MSE", "field cosine", "field rel. error"), rows,
                notes);
    }

    /** The figure of the method's field (else the first model's with a field), from the comparison already measured. */
    private Optional<String> writeFigure(Map<ForceModel, FieldComparison> fields) {
        ForceModel kind = fields.containsKey(ForceModel.AETHER) ? ForceModel.AETHER
                : fields.keySet().stream().findFirst().orElse(null);
        if (protocol.figure() == null || kind == null) {
            return Optional.empty();
        }
        FieldComparison c = fields.get(kind);
        FieldFigure.write(protocol.figure(), String.format(Locale.ROOT, "%s: %s (cosine %.3f, relative error %.3f)",
                data.system().name(), kind.label(), c.cosine(), c.relativeError()), c, data.sources());
        return Optional.of("figure: " + protocol.figure().toAbsolutePath());
    }

    private static String format(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.5f", v);
    }
}

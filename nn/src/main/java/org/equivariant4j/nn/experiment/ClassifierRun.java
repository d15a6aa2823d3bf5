package org.equivariant4j.nn.experiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.metric.Accuracy;

/**
 * An {@link ExperimentRun} of classifiers ({@link ClassifierSet}) evaluated on named test sets:
 * training, checkpointed state and per-epoch accuracy on every test set are shared; each
 * experiment adds its result table.
 */
public abstract class ClassifierRun implements ExperimentRun {
    private final ClassifierSet models;
    private final DatasetSummary data;
    private final Map<String, TensorDataset> testSets = new LinkedHashMap<>();

    protected ClassifierRun(ClassifierSet models, DatasetSummary data) {
        this.models = models;
        this.data = data;
    }

    /** Registers a held-out set evaluated after every epoch as {@code <name>_acc}. */
    protected final void addTestSet(String name, TensorDataset set) {
        testSets.put(name, set);
    }

    protected final ClassifierSet models() {
        return models;
    }

    protected final TensorDataset testSet(String name) {
        return testSets.get(name);
    }

    protected final TensorDataset trainSet() {
        return models.trainSet();
    }

    @Override
    public final Module model() {
        return models;
    }

    @Override
    public final Map<String, Tensor> trainingState() {
        return models.trainingState();
    }

    @Override
    public final void loadTrainingState(Map<String, Tensor> state) {
        models.loadTrainingState(state);
    }

    @Override
    public final DatasetSummary data() {
        return data;
    }

    @Override
    public final EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        return models.trainEpoch(epoch, listener, stop);
    }

    @Override
    public Map<String, Double> evaluate() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String set : testSets.keySet()) {
            for (ClassifierSet.Trained m : models.all()) {
                out.put(models.metric(set + "_acc", m.name()), accuracy(m.name(), testSets.get(set)));
            }
        }
        return out;
    }

    /** Accuracy of classifier {@code model} on {@code set}, in eval mode and without a graph. */
    protected final double accuracy(String model, TensorDataset set) {
        return Accuracy.of(logits(model, set.features()), set.labels());
    }

    /** Logits of classifier {@code model} for {@code features}, in eval mode and without a graph. */
    protected final Tensor logits(String model, Tensor features) {
        ClassifierSet.Trained m = models.get(model);
        m.module().eval();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return m.forward().apply(features);
        }
    }

    /** Split sizes in the order given (for {@link DatasetSummary}). */
    @SafeVarargs
    public static Map<String, Integer> splits(Map.Entry<String, Integer>... entries) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : entries) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The parameter count of classifier {@code model}, with thousands separators, for a result table. */
    protected final String parameters(String model) {
        return String.format(Locale.ROOT, "%,d", models.get(model).module().parameterCount());
    }

    protected static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}

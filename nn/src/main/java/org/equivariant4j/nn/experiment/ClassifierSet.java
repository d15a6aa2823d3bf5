package org.equivariant4j.nn.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.DataLoader;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.optim.Adam;
import org.equivariant4j.nn.optim.OptimizerStates;

/**
 * One or more classifiers trained side by side on the same batches, each with its own Adam, so an
 * experiment compares them under identical data. As a {@link Module} its children are the
 * classifiers, so its state dict is the checkpoint of all of them ({@code mlp.layers.0.weight}, ...).
 *
 * <p>A classifier may transform each training batch (data augmentation). The transform draws from
 * a stream seeded by the run's seed and the epoch, and the loader's order depends on the same two,
 * so an epoch sees the same batches whether or not the run was resumed; with the optimisers' state
 * ({@link #trainingState()}) restored too, a resumed run takes exactly the uninterrupted run's steps.
 */
public final class ClassifierSet extends Module {
    /** Spreads epochs over the seed space for the augmentation streams (the golden ratio, as the loader does). */
    private static final long EPOCH_STRIDE = 0x9E3779B97F4A7C15L;

    /** Augments a training batch of features with randomness from {@code rng}. */
    @FunctionalInterface
    public interface BatchTransform {
        Tensor apply(Tensor features, Rng rng);
    }

    /** A classifier: its module (parameters), its forward pass to logits, its optimiser and optional augmentation. */
    public record Trained(String name, Module module, UnaryOperator<Tensor> forward, Adam optimizer, BatchTransform augment) {
    }

    private final long seed;
    private final TensorDataset train;
    private final DataLoader loader;
    private final Map<String, Trained> models = new LinkedHashMap<>();
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    public ClassifierSet(long seed, int batchSize, TensorDataset train) {
        this.seed = seed;
        this.train = train;
        // Drop the last partial batch when there is more than one: a tiny last batch makes a noisy step.
        boolean dropLast = train.size() / batchSize >= 1;
        this.loader = DataLoader.builder(train).batchSize(Math.min(batchSize, train.size())).shuffle(seed).dropLast(dropLast)
                .build();
    }

    /** Adds a classifier named {@code name} (also its prefix in the state dict), trained with Adam at {@code lr}. */
    public void add(String name, Module module, UnaryOperator<Tensor> forward, double lr, BatchTransform augment) {
        registerModule(name, module);
        models.put(name, new Trained(name, module, forward, new Adam(module.parameters(), lr), augment));
    }

    public Trained get(String name) {
        Trained t = models.get(name);
        if (t == null) {
            throw new InvalidArgumentException("no classifier '" + name + "'; have " + models.keySet());
        }
        return t;
    }

    public List<Trained> all() {
        return new ArrayList<>(models.values());
    }

    public TensorDataset trainSet() {
        return train;
    }

    /** Whether metric names need the model's name (several models) or not (one). */
    public String metric(String base, String model) {
        return models.size() == 1 ? base : base + "." + model;
    }

    /**
     * Every classifier's optimiser state dict, its names prefixed by the classifier's name
     * ({@code mlp.state.0.exp_avg}, {@code mlp.param_groups.lr}).
     */
    public Map<String, Tensor> trainingState() {
        return OptimizerStates.of(optimizers());
    }

    /**
     * Restores what {@link #trainingState()} returned. Every entry must belong to a classifier and
     * every classifier must have its entries.
     *
     * @throws StateDictMismatchException naming the classifier and the problem
     */
    public void loadTrainingState(Map<String, Tensor> state) {
        OptimizerStates.load("ClassifierSet.loadTrainingState", optimizers(), state);
    }

    private Map<String, Adam> optimizers() {
        Map<String, Adam> out = new LinkedHashMap<>();
        models.forEach((name, m) -> out.put(name, m.optimizer()));
        return out;
    }

    /** One epoch of every classifier on the same batches; see {@link org.equivariant4j.core.experiment.ExperimentRun#trainEpoch}. */
    public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
        Rng augmentRng = new Rng(seed + (epoch + 1) * EPOCH_STRIDE);
        train();
        return LockstepEpoch.run(epoch, loader, models.keySet(), batch -> {
            Map<String, Double> losses = new LinkedHashMap<>();
            for (Trained m : models.values()) {
                Tensor x = m.augment() == null ? batch.features() : m.augment().apply(batch.features(), augmentRng);
                m.optimizer().zeroGrad();
                Tensor l = loss.compute(m.forward().apply(x), batch.labels());
                l.backward();
                m.optimizer().step();
                losses.put(m.name(), l.item());
            }
            return losses;
        }, n -> metric("train_loss", n), listener, stop);
    }
}

package org.equivariant4j.graph.nbody.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.graph.nbody.NBodyConfig;
import org.equivariant4j.graph.nbody.NBodyDataset;
import org.equivariant4j.graph.nbody.NBodyExamples;
import org.equivariant4j.graph.nbody.NBodyTask;
import org.equivariant4j.groups.EuclideanGroup;
import org.equivariant4j.nn.experiment.DataParallelExperiment;
import org.equivariant4j.nn.experiment.DataParallelTraining;
import org.equivariant4j.nn.experiment.EpochTrainer;
import org.equivariant4j.nn.experiment.TrainingReplica;

/**
 * The charged N-body experiment of the EGNN paper, for any {@link NBodyModel}: predict positions 1,000 steps
 * ahead from positions and velocities, 3,000 training and 2,000 validation and test trajectories, Adam (lr
 * 5e-4, weight decay 1e-12), batch 100, hidden 64, 4 layers, evaluated every 5 epochs; the reported test MSE
 * is the one at the best validation MSE. The model modules register their experiments with it (the EGNN
 * module {@code nbody-egnn} and {@code nbody-gnn}, EMPCN {@code nbody-empcn*}, conditioning
 * {@code nbody-egnn-*}), so none of them needs another model module to train. Every one of them can also be trained
 * data-parallel ({@link DataParallelExperiment}, e.g. {@code eq4j run nbody-egnn --spark local[2]}).
 */
public final class NBodyExperiment implements DataParallelExperiment {
    private final String id;
    private final String label;
    private final NBodyModelFactory factory;

    /** The protocol under experiment id {@code id}, training the models {@code factory} makes ({@code label} names them). */
    public NBodyExperiment(String id, String label, NBodyModelFactory factory) {
        this.id = java.util.Objects.requireNonNull(id, "id");
        this.label = java.util.Objects.requireNonNull(label, "label");
        this.factory = java.util.Objects.requireNonNull(factory, "factory");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return label + " on the charged 5-body system: positions 1,000 steps ahead (EGNN protocol; published test MSE"
                + " EGNN 0.0071, GNN 0.0107)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(StandardOptions.epochs(250), StandardOptions.batchSize(100), StandardOptions.seed(1),
                StandardOptions.trainSize(3000), StandardOptions.testSize(2000),
                OptionSpec.ofInt("valid-size", 2000, "validation trajectories", 1, 100_000),
                OptionSpec.ofInt("hidden", 64, "hidden channels", 1, 4096),
                OptionSpec.ofInt("layers", 4, "message-passing layers", 1, 64),
                OptionSpec.ofDouble("lr", 5e-4, "Adam learning rate", 1e-7, 1.0),
                OptionSpec.ofDouble("weight-decay", 1e-12, "Adam weight decay (L2, as torch.optim.Adam)", 0.0, 1.0),
                OptionSpec.ofInt("eval-every", 5, "evaluate validation and test MSE every this many epochs", 1, 10_000),
                OptionSpec.ofInt("data-seed", 43, "seed of the simulated trajectories", 0, Integer.MAX_VALUE),
                OptionSpec.ofInt("steps", 5000, "simulation steps per trajectory (frames every 100 steps; the task uses"
                        + " frames 30 and 40)", 4200, 100_000),
                OptionSpec.ofString("cache-dir", "", "where simulated trajectories are cached (empty: $EQ4J_CACHE/nbody or"
                        + " ~/.cache/equivariant4j/nbody)"));
    }

    private static Map<String, Integer> splits(int train, int valid, int test) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("train", train);
        out.put("valid", valid);
        out.put("test", test);
        return out;
    }

    @Override
    public ExperimentRun start(ExperimentConfig c) {
        return start(c, null);
    }

    /**
     * The same run with its epochs trained data-parallel by {@code training}'s trainer (same model, Adam and batch
     * size; each worker's share of a batch drawn from its partition of the training set).
     */
    @Override
    public ExperimentRun start(ExperimentConfig c, DataParallelTraining training) {
        int seed = c.intValue(StandardOptions.SEED);
        NBodyConfig config = NBodyConfig.reference().withSteps(c.intValue("steps"));
        int trainSize = c.intValue(StandardOptions.TRAIN_SIZE);
        int validSize = c.intValue("valid-size");
        int testSize = c.intValue(StandardOptions.TEST_SIZE);
        NBodyDataset data = load(c, config);
        EuclideanGroup e3 = EuclideanGroup.full(3);
        NBodyTask task = NBodyTask.reference();
        NBodyExamples train = new NBodyExamples(data.train(), task, config, e3, DType.FLOAT32);
        NBodyExamples valid = new NBodyExamples(data.valid(), task, config, e3, DType.FLOAT32);
        NBodyExamples test = new NBodyExamples(data.test(), task, config, e3, DType.FLOAT32);
        NBodyModel model = model(c, e3);
        int batchSize = c.intValue(StandardOptions.BATCH_SIZE);
        EpochTrainer trainer = training == null
                ? new NBodyTrainer(model, train, batchSize, c.doubleValue("lr"), c.doubleValue("weight-decay"), seed)
                : training.trainer(model.module(), NBodyTrainer.adam(model, c.doubleValue("lr"), c.doubleValue("weight-decay")),
                        train.size(), batchSize, seed, "mse");
        DatasetSummary summary = new DatasetSummary("charged N-body", String.format(Locale.ROOT,
                "5 particles, charges ±1, dt %.3g, %d steps, frame %d -> %d (%.1f time units ahead), data seed %d", config.dt(),
                config.steps(), task.inputFrame(), task.targetFrame(), task.horizon(config), c.intValue("data-seed")),
                splits(trainSize, validSize, testSize));
        String architecture = String.format(Locale.ROOT, "%s, %d layers, hidden %d", label, c.intValue("layers"),
                c.intValue("hidden"));
        return new NBodyRun(architecture, model, trainer, valid, test, summary, batchSize, c.intValue("eval-every"));
    }

    /**
     * A worker's replica: the model of {@code c} and the training split (read from the same cache as the driver's, or
     * simulated from the data seed where the worker has none), of which it uses its partition's examples.
     */
    @Override
    public TrainingReplica replica(ExperimentConfig c, int partition, int partitions) {
        NBodyConfig config = NBodyConfig.reference().withSteps(c.intValue("steps"));
        EuclideanGroup e3 = EuclideanGroup.full(3);
        NBodyExamples train = new NBodyExamples(load(c, config).train(), NBodyTask.reference(), config, e3, DType.FLOAT32);
        return new NBodyReplica(model(c, e3), train, c.doubleValue("lr"), c.doubleValue("weight-decay"));
    }

    private static NBodyDataset load(ExperimentConfig c, NBodyConfig config) {
        String cache = c.stringValue("cache-dir");
        Path dir = cache == null || cache.isBlank() ? NBodyDataset.defaultCacheDir() : Path.of(cache);
        return NBodyDataset.load(config, c.intValue("data-seed"), c.intValue(StandardOptions.TRAIN_SIZE), c.intValue("valid-size"),
                c.intValue(StandardOptions.TEST_SIZE), dir);
    }

    private NBodyModel model(ExperimentConfig c, EuclideanGroup e3) {
        return factory.create(e3, c.intValue("hidden"), c.intValue("layers"), new Rng(c.intValue(StandardOptions.SEED)));
    }
}

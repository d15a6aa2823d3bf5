package org.equivariant4j.distributed.spark;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.Tanh;
import org.equivariant4j.nn.experiment.DataParallelExperiment;
import org.equivariant4j.nn.experiment.DataParallelTraining;
import org.equivariant4j.nn.experiment.EpochTrainer;
import org.equivariant4j.nn.experiment.TrainingReplica;
import org.equivariant4j.nn.init.LinearDefault;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.loss.MseLoss;
import org.equivariant4j.nn.optim.Optimizer;
import org.equivariant4j.nn.optim.OptimizerStates;
import org.equivariant4j.nn.optim.SGD;

/**
 * A float64 regression (an MLP 3-8-1 with tanh, plain SGD, MSE) with no batch-dependent layer: the setting in which
 * data-parallel training must equal single-process training to rounding. Data-parallel only (the tests drive it
 * through {@link SparkDataParallel}); {@code lossScale} lets a test break one partition's gradient on purpose.
 */
class ToyRegressionExperiment implements DataParallelExperiment {
    static final int INPUTS = 3;

    @Override
    public String id() {
        return "toy-regression";
    }

    @Override
    public String description() {
        return "float64 MLP regression of sin(x0) + x1 x2, data-parallel test fixture";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(StandardOptions.epochs(1), StandardOptions.batchSize(8), StandardOptions.seed(1),
                StandardOptions.trainSize(64), OptionSpec.ofDouble("lr", 0.1, "SGD learning rate", 0.0, 10.0));
    }

    @Override
    public ExperimentRun start(ExperimentConfig config) {
        throw new UnsupportedOperationException("toy-regression is a data-parallel test fixture");
    }

    @Override
    public ExperimentRun start(ExperimentConfig c, DataParallelTraining training) {
        Module model = model(c);
        Optimizer sgd = new SGD(model.parameters(), c.doubleValue("lr"));
        EpochTrainer trainer = training.trainer(model, sgd, c.intValue(StandardOptions.TRAIN_SIZE),
                c.intValue(StandardOptions.BATCH_SIZE), c.intValue(StandardOptions.SEED), "mse");
        return new Run(model, trainer, new Replica(c, 1.0));
    }

    @Override
    public TrainingReplica replica(ExperimentConfig c, int partition, int partitions) {
        return new Replica(c, lossScale(partition));
    }

    /** How much partition {@code p}'s loss counts: 1 here; a broken subclass changes it. */
    double lossScale(int partition) {
        return 1.0;
    }

    static Module model(ExperimentConfig c) {
        return new MLP(new int[] {INPUTS, 8, 1}, Tanh::new, new LinearDefault(), DType.FLOAT64,
                new Rng(c.intValue(StandardOptions.SEED)));
    }

    /** The whole training set, regenerated from the seed: inputs [n, 3] and targets [n, 1]. */
    static Tensor[] data(ExperimentConfig c) {
        int n = c.intValue(StandardOptions.TRAIN_SIZE);
        Rng rng = new Rng(c.intValue(StandardOptions.SEED) + 1000L);
        double[] x = new double[n * INPUTS];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < INPUTS; d++) {
                x[i * INPUTS + d] = rng.nextGaussian();
            }
            y[i] = Math.sin(x[i * INPUTS]) + x[i * INPUTS + 1] * x[i * INPUTS + 2];
        }
        return new Tensor[] {Tensors.of(x, DType.FLOAT64, n, INPUTS), Tensors.of(y, DType.FLOAT64, n, 1)};
    }

    /** A worker's model and data; the loss is the batch's MSE times {@code scale}. */
    static final class Replica implements TrainingReplica {
        private final Module model;
        private final Tensor inputs;
        private final Tensor targets;
        private final double scale;
        private final double lr;

        Replica(ExperimentConfig c, double scale) {
            this.model = ToyRegressionExperiment.model(c);
            Tensor[] data = data(c);
            this.inputs = data[0];
            this.targets = data[1];
            this.scale = scale;
            this.lr = c.doubleValue("lr");
        }

        @Override
        public Module model() {
            return model;
        }

        @Override
        public Tensor loss(int[] examples, Rng rng) {
            Tensor index = Tensors.of(examples, examples.length);
            Tensor prediction = ((MLP) model).forward(inputs.indexSelect(0, index));
            return new MseLoss().compute(prediction, targets.indexSelect(0, index)).mul(scale);
        }

        @Override
        public Optimizer optimizer() {
            return new SGD(model.parameters(), lr);
        }

        double mse() {
            try (GradMode.Scope ignored = GradMode.disabled()) {
                return new MseLoss().compute(((MLP) model).forward(inputs), targets).item();
            }
        }
    }

    /** The driver's run: the model, its trainer and the whole training set for evaluation. */
    private record Run(Module model, EpochTrainer trainer, Replica evaluation) implements ExperimentRun {

        @Override
        public Map<String, Tensor> trainingState() {
            return OptimizerStates.of(Map.of("sgd", trainer.optimizer()));
        }

        @Override
        public void loadTrainingState(Map<String, Tensor> state) {
            OptimizerStates.load("toy-regression", Map.of("sgd", trainer.optimizer()), state);
        }

        @Override
        public DatasetSummary data() {
            return new DatasetSummary("toy regression", "sin(x0) + x1 x2", Map.of("train", 64));
        }

        @Override
        public EpochTraining trainEpoch(int epoch, StepListener listener, BooleanSupplier stop) {
            return trainer.trainEpoch(epoch, listener, stop);
        }

        @Override
        public Map<String, Double> evaluate() {
            evaluation.model().loadStateDict(model.stateDict());
            return Map.of("train_mse_all", evaluation.mse());
        }

        @Override
        public ResultTable results() {
            return new ResultTable("toy", List.of("mse"), List.of(List.of(Double.toString(evaluate().get("train_mse_all")))),
                    List.of());
        }
    }
}

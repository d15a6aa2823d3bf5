package org.equivariant4j.cli.experiments;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.data.TwoSpirals;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.nn.experiment.ClassifierSet;
import org.equivariant4j.nn.experiment.ClassifierRun;

/**
 * The smallest complete experiment: an MLP learns the two-spirals problem. It runs in seconds, so
 * it is the quick check that data, training, metrics, plots and checkpoints work end to end.
 */
public final class TwoSpiralsExperiment implements Experiment {
    public static final String ID = "two-spirals";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "MLP on two interleaved spirals (seconds; a smoke test of the whole pipeline)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(StandardOptions.epochs(40), StandardOptions.batchSize(32), StandardOptions.seed(1),
                StandardOptions.trainSize(400), StandardOptions.testSize(400),
                OptionSpec.ofInt("hidden", 64, "width of each of the two hidden layers", 1, 4096),
                OptionSpec.ofDouble("lr", 0.01, "Adam learning rate", 1e-6, 1.0),
                OptionSpec.ofDouble("turns", 1.5, "turns of each spiral (more is harder)", 0.25, 10.0),
                OptionSpec.ofDouble("noise", 0.02, "standard deviation of the noise on each coordinate", 0.0, 1.0));
    }

    @Override
    public ExperimentRun start(ExperimentConfig c) {
        Rng rng = new Rng(c.intValue(StandardOptions.SEED));
        double turns = c.doubleValue("turns");
        double noise = c.doubleValue("noise");
        // One point per class at least; an odd size loses its last point (the classes stay balanced).
        TensorDataset train = TwoSpirals.generate(Math.max(1, c.intValue(StandardOptions.TRAIN_SIZE) / 2), turns, noise, rng.split());
        TensorDataset test = TwoSpirals.generate(Math.max(1, c.intValue(StandardOptions.TEST_SIZE) / 2), turns, noise, rng.split());
        int hidden = c.intValue("hidden");
        MLP mlp = new MLP(new int[] {2, hidden, hidden, 2}, ReLU::new, rng.split());
        DatasetSummary data = new DatasetSummary("two spirals", String.format(Locale.ROOT,
                "2 classes, %.2f turns, noise %.3f", turns, noise), ClassifierRun.splits(Map.entry("train", train.size()), Map.entry("test", test.size())));
        ClassifierSet models = new ClassifierSet(c.intValue(StandardOptions.SEED), c.intValue(StandardOptions.BATCH_SIZE), train);
        models.add("mlp", mlp, x -> mlp.forward(x), c.doubleValue("lr"), null);
        return new Run(models, test, data, String.format(Locale.ROOT, "MLP 2-%d-%d-2", hidden, hidden));
    }

    private static final class Run extends ClassifierRun {
        private final String architecture;

        Run(ClassifierSet models, TensorDataset test, DatasetSummary data, String architecture) {
            super(models, data);
            this.architecture = architecture;
            addTestSet("test", test);
        }

        @Override
        public ResultTable results() {
            ClassifierSet.Trained m = models().get("mlp");
            return new ResultTable("Two spirals: " + architecture, List.of("model", "parameters", "train acc", "test acc"),
                    List.of(List.of("mlp", String.format(Locale.ROOT, "%,d", m.module().parameterCount()),
                            percent(accuracy("mlp", trainSet())), percent(accuracy("mlp", testSet("test"))))),
                    List.of("accuracy = fraction of points whose arg-max class is the label"));
        }
    }
}

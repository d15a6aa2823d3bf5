package org.equivariant4j.gconv.ccnn.experiments;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.gconv.ccnn.Ccnn;
import org.equivariant4j.gconv.ccnn.CcnnConfig;
import org.equivariant4j.gconv.ccnn.ConvKind;
import org.equivariant4j.gconv.ccnn.Padding;
import org.equivariant4j.gconv.ccnn.data.MarkedSum;
import org.equivariant4j.gconv.ccnn.data.SequentialImages;
import org.equivariant4j.gconv.ccnn.kernel.KernelNetSpec;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierExperiment;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;

/**
 * Sequence classification with causal CCNNs read at the last step, and the ablation of the
 * spatial convolution: FlexConv, CKConv and a plain discrete depthwise kernel with as many
 * parameters as the kernel network, in otherwise identical networks. Without {@code --data} the
 * in-process long-range task {@link MarkedSum} (both marked values in the first half of the
 * sequence); with {@code --data <MNIST directory>} sequential MNIST ({@code --task smnist}) or
 * permuted MNIST ({@code --task psmnist}), 784-step pixel sequences.
 */
public final class SequenceExperiment extends ClassifierExperiment {
    public static final String ID = "ccnn-sequence";
    private static final Map<String, ConvKind> MODELS = Map.of("flex", ConvKind.FLEX, "ck", ConvKind.CK, "plain", ConvKind.DISCRETE);

    public SequenceExperiment() {
        super(ID, "Continuous-kernel CNNs on long sequences: FlexConv vs CKConv vs a plain CNN of the same size (in-process"
                + " marked-sum task, or sequential / permuted MNIST with --data)", new Defaults(10, 32, 2000, 500));
    }

    @Override
    protected List<OptionSpec> experimentOptions() {
        return List.of(OptionSpec.ofChoice("task", "marked-sum", "marked-sum (in process), smnist or psmnist (need --data)",
                        "marked-sum", "smnist", "psmnist"),
                OptionSpec.ofInt("length", 256, "sequence length of the marked-sum task", 8, 4096),
                OptionSpec.ofInt("hidden", 32, "channels of every block", 1, 1024),
                OptionSpec.ofInt("blocks", 4, "residual blocks", 1, 32),
                OptionSpec.ofString("models", "flex,ck,plain", "models to train, comma-separated: flex, ck, plain"),
                OptionSpec.ofDouble("omega0", 20.0, "frequency scale of the MAGNet kernel networks", 0.1, 10000.0),
                OptionSpec.ofDouble("mask-sigma", 1.0, "initial FlexConv mask width in kernel coordinates [-1, 1]; the mask must first reach"
                        + " the marks: the crop passes no gradient from beyond its support", 0.01, 10.0),
                OptionSpec.ofDouble("dropout", 0.1, "dropout in every block", 0.0, 0.9),
                OptionSpec.ofInt("plain-taps", 0, "kernel size of the plain CNN (0: as many weights as a kernel network)", 0, 4096),
                learningRate(5e-3),
                OptionSpec.ofString("data", "", "a directory with MNIST's IDX files, for --task smnist / psmnist"));
    }

    @Override
    protected ClassifierRun prepare(ExperimentConfig c, Rng rng) {
        String task = c.stringValue("task");
        String dataDir = c.stringValue("data");
        int trainSize = c.intValue(StandardOptions.TRAIN_SIZE);
        int testSize = c.intValue(StandardOptions.TEST_SIZE);
        TensorDataset train;
        TensorDataset test;
        int classes;
        String description;
        if (task.equals("marked-sum")) {
            int length = c.intValue("length");
            train = MarkedSum.generate(trainSize, length, rng.split());
            test = MarkedSum.generate(testSize, length, rng.split());
            classes = 2;
            description = String.format(Locale.ROOT, "marked sum, length %d: is the sum of the two marked values (both in the"
                    + " first half) positive", length);
        } else {
            if (dataDir.isBlank()) {
                throw new InvalidOptionException("data", "option 'data': --task " + task + " needs --data <directory with MNIST's"
                        + " IDX files>; without MNIST use --task marked-sum");
            }
            int[] order = task.equals("psmnist") ? SequentialImages.permutation(784, c.intValue(StandardOptions.SEED)) : null;
            train = SequentialImages.load(Path.of(dataDir), "train", trainSize, order);
            test = SequentialImages.load(Path.of(dataDir), "t10k", testSize, order);
            classes = 10;
            description = (order == null ? "sequential" : "permuted") + " MNIST, 784-step pixel sequences";
        }
        int length = train.features().size(2);
        ClassifierSet models = classifiers(c, train);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String name : c.stringValue("models").split(",")) {
            String n = name.trim();
            if (n.isEmpty()) {
                continue;
            }
            ConvKind kind = MODELS.get(n);
            if (kind == null) {
                throw new InvalidOptionException("models", "option 'models': unknown model '" + n + "'; known: flex, ck, plain");
            }
            CcnnConfig config = new CcnnConfig(1, train.features().size(1), classes, c.intValue("hidden"), c.intValue("blocks"), kind,
                    new KernelNetSpec(KernelNetSpec.Kind.MAGNET, 32, 3, c.doubleValue("omega0")), c.doubleValue("mask-sigma"),
                    Padding.CAUSAL, c.doubleValue("dropout"), new int[] {length}, org.equivariant4j.core.tensor.DType.FLOAT32,
                    c.intValue("plain-taps"));
            Ccnn model = new Ccnn(config, rng.split());
            models.add(n, model, model::forward, c.doubleValue("lr"), null);
            labels.put(n, switch (kind) {
                case FLEX -> "CCNN, FlexConv";
                case CK -> "CCNN, CKConv";
                case DISCRETE -> "CNN, plain depthwise kernel";
            });
        }
        if (labels.isEmpty()) {
            throw new InvalidOptionException("models", "option 'models': name at least one of flex, ck, plain");
        }
        DatasetSummary data = new DatasetSummary(task, description, ClassifierRun.splits(Map.entry("train", train.size()),
                Map.entry("test", test.size())));
        Map<String, TensorDataset> tests = new LinkedHashMap<>();
        tests.put("test", test);
        return new CcnnRun(models, data, tests, labels, "CCNN on sequences: FlexConv vs CKConv vs a plain CNN of the same size",
                List.of("causal models read at the last step; 'plain' has a discrete depthwise kernel with about as many weights as"
                        + " the MAGNet kernel network it replaces", "chance is 50 % on marked-sum, 10 % on (p)sMNIST"));
    }
}

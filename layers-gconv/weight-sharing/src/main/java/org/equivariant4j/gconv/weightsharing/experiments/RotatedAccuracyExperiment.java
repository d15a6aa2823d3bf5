package org.equivariant4j.gconv.weightsharing.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.gconv.regular.experiment.GroupCnn;
import org.equivariant4j.gconv.regular.experiment.Pentominoes;
import org.equivariant4j.gconv.weightsharing.WeightSharingCnn;
import org.equivariant4j.gconv.weightsharing.WeightSharingOptions;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierExperiment;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;
import org.equivariant4j.nn.experiment.GridSymmetry;

/**
 * {@code ws-rotated-accuracy}: the paper's rotated-MNIST comparison at the scale of two shared cores. Pentomino images
 * (the regular module's {@link Pentominoes}, twelve classes) turned by random multiples of 90 degrees in training and
 * in test, as in rotated MNIST, classified by three models trained side by side on the same batches: a
 * {@link WeightSharingCnn} with |G| = 4 learned matrices per layer (no group given), a C4 G-CNN and a plain CNN (the
 * regular module's {@link GroupCnn} over C4 and over C1). Widths are options, chosen so the kernel parameters match;
 * the table lists the sharing matrices' scores separately.
 */
public final class RotatedAccuracyExperiment extends ClassifierExperiment {
    public static final String ID = "ws-rotated-accuracy";
    static final String WS = "ws";
    static final String C4 = "c4";
    static final String CNN = "cnn";

    public RotatedAccuracyExperiment() {
        super(ID, "rotated-test accuracy of a learned weight-sharing CNN (|G| = 4) vs a C4 G-CNN vs a CNN, trained on"
                + " pentominoes turned by random multiples of 90 degrees", new Defaults(20, 32, 2400, 1200));
    }

    @Override
    protected List<OptionSpec> experimentOptions() {
        return List.of(OptionSpec.ofInt("size", 16, "side of the square image grid (a multiple of 4: GroupCnn pools twice by 2)", 12, 64),
                OptionSpec.ofDouble("noise", 0.15, "deviation of the Gaussian pixel noise", 0.0, 2.0),
                OptionSpec.ofInt("ws-channels", 8, "fields (4 channels each) per layer of the weight-sharing CNN", 1, 256),
                OptionSpec.ofInt("ws-layers", 2, "weight-sharing layers (one lifting, the rest group layers)", 1, 8),
                OptionSpec.ofInt("ws-kernel", 5, "kernel side of the weight-sharing layers (odd; no pooling between them, so 5x5 for a receptive field that spans a pentomino)", 1, 7),
                OptionSpec.ofBoolean("ws-max-over-space", true, "pool the weight-sharing CNN's maps by their maximum over"
                        + " space (a detector) instead of their mean (the paper's)"),
                OptionSpec.ofInt("c4-fields", 8, "regular C4 fields per hidden layer of the C4 G-CNN", 1, 256),
                OptionSpec.ofInt("cnn-channels", 16, "channels per hidden layer of the CNN", 1, 512),
                OptionSpec.ofDouble("lr", 3e-3, "Adam learning rate of the C4 G-CNN and the CNN", 1e-6, 1.0),
                OptionSpec.ofDouble("ws-lr", 1e-2, "Adam learning rate of the weight-sharing CNN (the paper's 1e-2; it has"
                        + " no batch norm)", 1e-6, 1.0));
    }

    @Override
    protected ClassifierRun prepare(ExperimentConfig c, Rng rng) {
        int size = c.intValue("size");
        if (size % 4 != 0) {
            throw new InvalidOptionException("size", "option 'size': '" + size + "' is not a multiple of 4; the G-CNN's two"
                    + " 2x2 max poolings must tile the grid");
        }
        int kernel = c.intValue("ws-kernel");
        if (kernel % 2 == 0) {
            throw new InvalidOptionException("ws-kernel", "option 'ws-kernel': '" + kernel + "' is even; a kernel needs a"
                    + " centre cell to rotate about");
        }
        GridSymmetry quarterTurns = new GridSymmetry(CyclicGroup.of(4), size);
        double noise = c.doubleValue("noise");
        TensorDataset train = quarterTurns.withEachMovedRandomly(Pentominoes.generate(c.intValue(StandardOptions.TRAIN_SIZE),
                size, 2, 2, noise, rng.split()), rng.split());
        TensorDataset test = quarterTurns.withEachMovedRandomly(Pentominoes.generate(c.intValue(StandardOptions.TEST_SIZE),
                size, 2, 2, noise, rng.split()), rng.split());

        double lr = c.doubleValue("lr");
        int classes = Pentominoes.classes();
        ClassifierSet models = classifiers(c, train);
        // Learned sharing: C4 only labels the four channels of a field; nothing ties the matrices to it.
        WeightSharingCnn ws = new WeightSharingCnn(CyclicGroup.of(4), 1, c.intValue("ws-channels"), c.intValue("ws-layers"),
                kernel, classes, WeightSharingOptions.defaults(), c.booleanValue("ws-max-over-space"), true, rng.split());
        models.add(WS, ws, x -> ws.forward(x.reshape(x.size(0), 1, size, size)), c.doubleValue("ws-lr"), null);
        GroupCnn c4 = new GroupCnn(CyclicGroup.of(4), size, c.intValue("c4-fields"), classes, rng.split());
        models.add(C4, c4, c4::forward, lr, null);
        GroupCnn cnn = new GroupCnn(CyclicGroup.of(1), size, c.intValue("cnn-channels"), classes, rng.split());
        models.add(CNN, cnn, cnn::forward, lr, null);

        DatasetSummary data = new DatasetSummary("rotated pentominoes", String.format(Locale.ROOT,
                "%d free pentominoes, cells of 2 px, centred +-2 px on %dx%d, blurred, noise %.2f; train and test each"
                        + " turned by a random element of C4", classes, size, size, noise),
                ClassifierRun.splits(Map.entry("train", train.size()), Map.entry("test", test.size())));
        return new Run(models, data, test, size);
    }

    /** Parameters of {@code module} that are sharing-matrix scores (named {@code scores}). */
    static long scoreCount(org.equivariant4j.core.module.Module module) {
        long n = 0;
        for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
            if (e.getKey().endsWith("scores")) {
                n += e.getValue().value().numel();
            }
        }
        return n;
    }

    static final class Run extends ClassifierRun {
        private final int size;

        Run(ClassifierSet models, DatasetSummary data, TensorDataset test, int size) {
            super(models, data);
            this.size = size;
            addTestSet("rotated", test);
        }

        @Override
        public ResultTable results() {
            List<List<String>> rows = new ArrayList<>();
            for (String name : List.of(WS, C4, CNN)) {
                ClassifierSet.Trained m = models().get(name);
                long all = m.module().parameterCount();
                long scores = scoreCount(m.module());
                rows.add(List.of(label(name), String.format(Locale.ROOT, "%,d", all - scores),
                        String.format(Locale.ROOT, "%,d", scores), percent(accuracyOn(name))));
            }
            return new ResultTable("Rotated pentominoes: trained and tested on images turned by random multiples of 90 degrees",
                    List.of("model", "kernel, bias, BN, read-out parameters", "sharing scores", "rotated test acc"), rows,
                    List.of(String.format(Locale.ROOT, "%d test images (%dx%d), each turned by a random element of C4",
                            testSet("rotated").size(), size, size),
                            "weight-sharing CNN: lifting + group layers with learned matrices, ReLU, max (option: mean) over space, max over"
                                    + " the 4 group channels, linear",
                            "C4 G-CNN and CNN (regular's GroupCnn over C4 and C1): lift 5x5 -> BN -> ReLU -> maxpool 2 ->"
                                    + " gconv 3x3 -> BN -> ReLU -> maxpool 2 -> gconv 3x3 -> BN -> ReLU -> max over H ->"
                                    + " mean over space -> linear"));
        }

        /** Accuracy of {@code name} on the rotated test set (for tests). */
        double accuracyOn(String name) {
            return accuracy(name, testSet("rotated"));
        }

        private static String label(String name) {
            return switch (name) {
                case WS -> "weight-sharing CNN (|G| = 4, learned)";
                case C4 -> "C4 G-CNN";
                default -> "CNN";
            };
        }
    }
}

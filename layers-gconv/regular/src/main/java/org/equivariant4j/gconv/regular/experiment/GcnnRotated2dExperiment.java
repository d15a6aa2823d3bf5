package org.equivariant4j.gconv.regular.experiment;

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
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierExperiment;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;
import org.equivariant4j.nn.experiment.GridSymmetry;

/**
 * Regular G-CNNs against CNNs where rotation is a nuisance: noisy, blurred pentomino images ({@link Pentominoes},
 * twelve classes distinct even up to reflection) are classified by four models of one architecture
 * ({@link GroupCnn}) trained side by side on the same upright images: a plain CNN (H = C1), the same CNN trained
 * with random 90-degree rotations, a C4 G-CNN and a D4 G-CNN, widths chosen so the parameter counts match
 * within a few percent. Each is tested on upright test images and on the same images turned by a random
 * element of C4.
 */
public final class GcnnRotated2dExperiment extends ClassifierExperiment {
    public static final String ID = "gcnn-rotated-2d";
    static final String CNN = "cnn";
    static final String CNN_AUGMENTED = "cnn-aug";
    static final String C4 = "c4";
    static final String D4 = "d4";

    public GcnnRotated2dExperiment() {
        super(ID, "C4 and D4 regular G-CNNs vs a CNN with and without rotation augmentation, on noisy pentomino images",
                new Defaults(12, 32, 2400, 1200));
    }

    @Override
    protected List<OptionSpec> experimentOptions() {
        return List.of(OptionSpec.ofInt("size", 16, "side of the square image grid (a multiple of 4: two 2x2 poolings tile it)", 12, 64),
                OptionSpec.ofInt("cell", 2, "side of a pentomino cell in pixels", 1, 8),
                OptionSpec.ofInt("shift", 2, "largest move of a shape from the centre, in pixels, each direction", 0, 16),
                OptionSpec.ofDouble("noise", 0.15, "deviation of the Gaussian pixel noise", 0.0, 2.0),
                OptionSpec.ofInt("cnn-channels", 16, "channels per hidden layer of the CNNs", 1, 512),
                OptionSpec.ofInt("c4-fields", 8, "regular C4 fields (4 channels each) per hidden layer", 1, 256),
                OptionSpec.ofInt("d4-fields", 6, "regular D4 fields (8 channels each) per hidden layer", 1, 256),
                learningRate(3e-3),
                OptionSpec.ofBoolean("augmented-cnn", true, "also train the CNN with random 90-degree rotations"));
    }

    @Override
    protected ClassifierRun prepare(ExperimentConfig c, Rng rng) {
        int size = c.intValue("size");
        if (size % 4 != 0) {
            throw new InvalidOptionException("size", "option 'size': '" + size + "' is not a multiple of 4; the two 2x2"
                    + " max poolings must tile the grid to keep the G-CNNs equivariant");
        }
        GridSymmetry quarterTurns = new GridSymmetry(CyclicGroup.of(4), size);
        int cell = c.intValue("cell");
        int shift = c.intValue("shift");
        double noise = c.doubleValue("noise");
        TensorDataset train = Pentominoes.generate(c.intValue(StandardOptions.TRAIN_SIZE), size, cell, shift, noise, rng.split());
        TensorDataset test = Pentominoes.generate(c.intValue(StandardOptions.TEST_SIZE), size, cell, shift, noise, rng.split());
        TensorDataset rotated = quarterTurns.withEachMovedRandomly(test, rng.split());

        double lr = c.doubleValue("lr");
        int classes = Pentominoes.classes();
        ClassifierSet models = classifiers(c, train);
        GroupCnn cnn = new GroupCnn(CyclicGroup.of(1), size, c.intValue("cnn-channels"), classes, rng.split());
        models.add(CNN, cnn, cnn::forward, lr, null);
        Rng augmentedRng = rng.split();
        if (c.booleanValue("augmented-cnn")) {
            GroupCnn augmented = new GroupCnn(CyclicGroup.of(1), size, c.intValue("cnn-channels"), classes, augmentedRng);
            models.add(CNN_AUGMENTED, augmented, augmented::forward, lr, quarterTurns::moveEachRandomly);
        }
        GroupCnn c4 = new GroupCnn(CyclicGroup.of(4), size, c.intValue("c4-fields"), classes, rng.split());
        models.add(C4, c4, c4::forward, lr, null);
        GroupCnn d4 = new GroupCnn(DihedralGroup.of(4), size, c.intValue("d4-fields"), classes, rng.split());
        models.add(D4, d4, d4::forward, lr, null);

        DatasetSummary data = new DatasetSummary("pentominoes", String.format(Locale.ROOT,
                "%d free pentominoes (%s), upright, cells of %d px, centred +-%d px on %dx%d, blurred, noise %.2f;"
                        + " test also turned at random by C4", classes, String.join(" ", Pentominoes.NAMES), cell, shift,
                size, size, noise),
                ClassifierRun.splits(Map.entry("train", train.size()), Map.entry("test", test.size()),
                        Map.entry("rotated", rotated.size())));
        return new Run(models, data, test, rotated, size);
    }

    private static final class Run extends ClassifierRun {
        private final int size;

        Run(ClassifierSet models, DatasetSummary data, TensorDataset test, TensorDataset rotated, int size) {
            super(models, data);
            this.size = size;
            addTestSet("test", test);
            addTestSet("rotated", rotated);
        }

        @Override
        public ResultTable results() {
            List<List<String>> rows = new ArrayList<>();
            for (String name : List.of(D4, C4, CNN_AUGMENTED, CNN)) {
                if (models().all().stream().noneMatch(t -> t.name().equals(name))) {
                    continue;
                }
                rows.add(List.of(label(name), parameters(name),
                        percent(accuracy(name, testSet("test"))), percent(accuracy(name, testSet("rotated")))));
            }
            return new ResultTable("Pentominoes: trained upright, tested upright and turned by random multiples of 90 degrees",
                    List.of("model", "parameters", "upright test acc", "rotated test acc"), rows,
                    List.of(String.format(Locale.ROOT, "%d test images (%dx%d); rotated = each test image turned by a random"
                            + " element of C4", testSet("test").size(), size, size),
                            "all four: lift 5x5 -> BN -> ReLU -> maxpool 2 -> gconv 3x3 -> BN -> ReLU -> maxpool 2 -> gconv 3x3 -> BN -> ReLU"
                            + " -> max over H -> mean over space -> linear; H = C1 for the CNNs"));
        }

        /** Accuracy of {@code name} on the named test set (for tests). */
        double accuracyOn(String name, String set) {
            return accuracy(name, testSet(set));
        }

        private static String label(String name) {
            return switch (name) {
                case D4 -> "D4 G-CNN";
                case C4 -> "C4 G-CNN";
                case CNN_AUGMENTED -> "CNN + rotation augmentation";
                default -> "CNN";
            };
        }
    }
}

package org.equivariant4j.cli.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierExperiment;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;
import org.equivariant4j.nn.layer.MLP;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.nn.experiment.GridSymmetry;

/**
 * The flagship: does building the symmetry into the network beat learning it? Tetromino images
 * ({@link Tetrominoes}) are classified by three models trained side by side on the same upright
 * training images: a C4-invariant network made of the generic equivariant blocks
 * ({@link InvariantClassifier}), a plain MLP, and the same MLP trained with random 90-degree
 * rotations (augmentation). Each is tested on upright test images and on the same images rotated at
 * random; the result table adds parameter counts and each model's invariance error as measured by
 * {@link EquivarianceChecker} (the measurement module, no test framework).
 */
public final class C4TetrominoExperiment extends ClassifierExperiment {
    public static final String ID = "c4-tetrominoes";
    static final String EQUIVARIANT = "equivariant";
    static final String MLP_PLAIN = "mlp";
    static final String MLP_AUGMENTED = "mlp-aug";

    public C4TetrominoExperiment() {
        super(ID, "C4-invariant network (equivariant blocks) vs MLP with and without rotation augmentation, on tetromino images",
                new Defaults(20, 64, 2000, 1000));
    }

    @Override
    protected List<OptionSpec> experimentOptions() {
        return List.of(OptionSpec.ofInt("size", 8, "side of the square image grid (even: C4 would fix an odd grid's centre pixel)", 4, 32),
                OptionSpec.ofInt("shift", 1, "largest move of a shape from the centre, in pixels, each direction", 0, 16),
                OptionSpec.ofDouble("noise", 0.03, "probability that a background pixel is on", 0.0, 0.5),
                OptionSpec.ofInt("fields", 32, "regular C4 fields (4 channels each) per equivariant hidden layer", 1, 1024),
                OptionSpec.ofInt("depth", 2, "equivariant hidden layers", 1, 8),
                OptionSpec.ofInt("hidden", 128, "width of each of the MLPs' two hidden layers", 1, 4096),
                learningRate(5e-3));
    }

    @Override
    protected ClassifierRun prepare(ExperimentConfig c, Rng rng) {
        int size = c.intValue("size");
        if (size % 2 != 0) {
            throw new InvalidOptionException("size", "option 'size': '" + size + "' is odd; C4 fixes the centre pixel of an odd"
                    + " grid, so its pixels do not split into regular fields; use an even size");
        }
        double noise = c.doubleValue("noise");
        int shift = c.intValue("shift");
        GridSymmetry symmetry = new GridSymmetry(CyclicGroup.of(4), size);
        TensorDataset train = Tetrominoes.generate(c.intValue(StandardOptions.TRAIN_SIZE), size, shift, noise, rng.split());
        TensorDataset test = Tetrominoes.generate(c.intValue(StandardOptions.TEST_SIZE), size, shift, noise, rng.split());
        TensorDataset rotated = symmetry.withEachMovedRandomly(test, rng.split());

        int pixels = size * size;
        int hidden = c.intValue("hidden");
        double lr = c.doubleValue("lr");
        ClassifierSet models = classifiers(c, train);
        InvariantClassifier equivariant = new InvariantClassifier(symmetry, c.intValue("fields"), c.intValue("depth"),
                Tetrominoes.classes(), rng.split());
        models.add(EQUIVARIANT, equivariant, equivariant::forward, lr, null);
        MLP plain = new MLP(new int[] {pixels, hidden, hidden, Tetrominoes.classes()}, ReLU::new, rng.split());
        models.add(MLP_PLAIN, plain, plain::forward, lr, null);
        MLP augmented = new MLP(new int[] {pixels, hidden, hidden, Tetrominoes.classes()}, ReLU::new, rng.split());
        models.add(MLP_AUGMENTED, augmented, augmented::forward, lr, symmetry::moveEachRandomly);

        DatasetSummary data = new DatasetSummary("tetrominoes", String.format(Locale.ROOT,
                "%d classes (%s), upright, centred +-%d px on %dx%d, noise %.2f; test also rotated at random by C4",
                Tetrominoes.classes(), String.join(" ", Tetrominoes.NAMES), shift, size, size, noise),
                ClassifierRun.splits(Map.entry("train", train.size()), Map.entry("test", test.size()),
                        Map.entry("rotated", rotated.size())));
        return new Run(models, data, symmetry, test, rotated);
    }

    private static final class Run extends ClassifierRun {
        private final GridSymmetry symmetry;

        Run(ClassifierSet models, DatasetSummary data, GridSymmetry symmetry, TensorDataset test, TensorDataset rotated) {
            super(models, data);
            this.symmetry = symmetry;
            addTestSet("test", test);
            addTestSet("rotated", rotated);
        }

        @Override
        public ResultTable results() {
            List<List<String>> rows = new ArrayList<>();
            for (String name : List.of(EQUIVARIANT, MLP_AUGMENTED, MLP_PLAIN)) {
                rows.add(List.of(label(name), parameters(name),
                        percent(accuracy(name, testSet("test"))), percent(accuracy(name, testSet("rotated"))),
                        String.format(Locale.ROOT, "%.1e", invarianceError(name))));
            }
            int size = symmetry.size();
            return new ResultTable("C4 tetrominoes: trained on upright shapes, tested upright and rotated",
                    List.of("model", "parameters", "upright test acc", "rotated test acc", "invariance error"), rows,
                    List.of(String.format(Locale.ROOT, "%d test images (%dx%d); rotated = each test image turned by a random"
                            + " element of C4", testSet("test").size(), size, size),
                            "invariance error = max over g in C4 of max|f(g.x) - f(x)| / max|f(x)| over the logits of the"
                            + " upright test set (EquivarianceChecker, float32)"));
        }

        /** The relative invariance error of a model's logits, measured by the official test kit. */
        private double invarianceError(String name) {
            ClassifierSet.Trained m = models().get(name);
            m.module().eval();
            FieldType imageType = symmetry.imageType();
            int classes = Tetrominoes.classes();
            FieldType logitsType = FieldType.of(Domain.vectors(), Representation.directSum(
                    java.util.Collections.nCopies(classes, Representation.trivial(symmetry.group()))));
            int size = symmetry.size();
            UnaryOperator<Tensor> forward = m.forward();
            EquivarianceChecker checker = EquivarianceChecker.of(label(name), imageType, logitsType,
                    x -> GeometricTensor.of(forward.apply(x.tensor().reshape(x.tensor().size(0), size * size)), logitsType))
                    .inDType(DType.FLOAT32);
            Tensor images = testSet("test").features().reshape(testSet("test").size(), 1, size, size);
            EquivarianceReport report = checker.measureInvariance(symmetry.group().elements(),
                    List.of(GeometricTensor.of(images, imageType)));
            return report.errors().stream().mapToDouble(e -> e.maxRelative()).max().orElse(Double.NaN);
        }

        private static String label(String name) {
            return switch (name) {
                case EQUIVARIANT -> "C4-invariant net (equivariant blocks)";
                case MLP_AUGMENTED -> "MLP + rotation augmentation";
                default -> "MLP";
            };
        }
    }
}

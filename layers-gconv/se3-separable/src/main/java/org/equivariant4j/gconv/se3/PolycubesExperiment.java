package org.equivariant4j.gconv.se3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.se3.data.CubeRotations;
import org.equivariant4j.gconv.se3.data.MedMnist3d;
import org.equivariant4j.gconv.se3.data.Polycubes;
import org.equivariant4j.gconv.se3.model.Cnn3dClassifier;
import org.equivariant4j.gconv.se3.model.GroupLayerKind;
import org.equivariant4j.gconv.se3.model.RegularGcnnClassifier;
import org.equivariant4j.gconv.se3.model.SE3Classifier;
import org.equivariant4j.groups.FiniteRotationGroup;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierExperiment;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;
import org.equivariant4j.nn.norm.BatchNormStatistics;

/**
 * Does an SE(3) group CNN generalise to rotations it never saw? Polycube volumes ({@link Polycubes}) in the
 * canonical orientation train a plain 3D CNN, the same CNN with random cube-rotation augmentation, and
 * separable SE(3) G-CNNs on rotation grids (default: the octahedral group O, exact on voxels, and a
 * 12-rotation uniform grid of SO(3)), and the discrete regular G-CNN on O from {@code layers-gconv/regular}. All are tested on canonical, cube-rotated (90-degree multiples) and
 * arbitrarily rotated volumes. With {@code --data <medmnist3d.npz>} the same models train on a MedMNIST-3D
 * file's train split and are tested on its test split, as given and turned by random cube rotations.
 */
public final class PolycubesExperiment extends ClassifierExperiment {
    public static final String ID = "se3-polycubes";
    static final String CNN = "cnn";
    static final String CNN_AUGMENTED = "cnn-aug";
    static final String REGULAR = "regular-O";

    public PolycubesExperiment() {
        super(ID, "SE(3) separable G-CNNs (octahedral and uniform SO(3) grids) and a regular octahedral G-CNN vs 3D CNNs"
                + " with and without rotation augmentation, on 3D polycube volumes trained upright and tested rotated (or a MedMNIST-3D .npz)",
                new Defaults(10, 8, 640, 320));
    }

    @Override
    protected List<OptionSpec> experimentOptions() {
        return List.of(OptionSpec.ofInt("size", 28, "side of the cubic volume in voxels (a multiple of 4)", 8, 64),
                OptionSpec.ofDouble("scale", 4.0, "side of one unit cube in voxels (jittered +-10%)", 1.0, 16.0),
                OptionSpec.ofDouble("blur", 1.0, "width in voxels of the soft edge of each face", 0.1, 8.0),
                OptionSpec.ofDouble("noise", 0.1, "standard deviation of the Gaussian voxel noise", 0.0, 2.0),
                OptionSpec.ofInt("width", 4, "fields of the first G-CNN layer / channels of the first CNN layer (the"
                        + " next two layers have twice as many)", 1, 256),
                OptionSpec.ofInt("kernel", 5, "kernel size of the first convolution (the others are 3)", 1, 9),
                OptionSpec.ofString("grids", "O,uniform12", "rotation grids of the SE(3) models, comma-separated: O, T, I,"
                        + " uniform<n>; append :full for the non-separable group convolution (e.g. O:full)"),
                OptionSpec.ofChoice("pooling", "mean", "global pooling of every model over positions (and rotations)", "mean",
                        "max"),
                OptionSpec.ofBoolean("baselines", true, "also train the plain and the augmented 3D CNN"),
                OptionSpec.ofBoolean("regular", true, "also train the discrete regular G-CNN on the octahedral group O"
                        + " (layers-gconv/regular: full kernels on the group)"),
                OptionSpec.ofInt("regular-width", 1, "regular fields of its first layer (the next two have twice as many;"
                        + " 1 matches the other models' parameter count)", 1, 64),
                learningRate(5e-3),
                OptionSpec.ofString("data", "", "a MedMNIST-3D .npz file to train and test on instead of polycubes"));
    }

    @Override
    protected ClassifierRun prepare(ExperimentConfig c, Rng rng) {
        String dataFile = c.stringValue("data");
        TensorDataset train;
        List<Map.Entry<String, TensorDataset>> tests = new ArrayList<>();
        int classes;
        int size;
        String description;
        if (dataFile.isBlank()) {
            size = c.intValue("size");
            if (size % 4 != 0) {
                throw new InvalidOptionException("size", "option 'size': '" + size + "' is not a multiple of 4; the models pool"
                        + " 2x2x2 twice and pooling is only symmetric on even sides");
            }
            Polycubes.Settings settings = new Polycubes.Settings(size, c.doubleValue("scale"), c.doubleValue("blur"),
                    c.doubleValue("noise"));
            int testSize = c.intValue(StandardOptions.TEST_SIZE);
            train = Polycubes.generate(c.intValue(StandardOptions.TRAIN_SIZE), settings, Polycubes.Orientation.CANONICAL,
                    rng.split());
            TensorDataset canonical = Polycubes.generate(testSize, settings, Polycubes.Orientation.CANONICAL, rng.split());
            tests.add(Map.entry("canonical", canonical));
            // The same volumes turned (exactly: a voxel permutation), so an invariant model scores the same on both.
            tests.add(Map.entry("cube", new TensorDataset(new CubeRotations(size).rotateEachRandomly(canonical.features(),
                    rng.split()), canonical.labels())));
            tests.add(Map.entry("arbitrary", Polycubes.generate(testSize, settings, Polycubes.Orientation.ARBITRARY, rng.split())));
            classes = Polycubes.classes();
            description = String.format(Locale.ROOT, "%d tetracube classes (%s) in %d^3 volumes, cube side %.1f vx, blur %.1f,"
                    + " noise %.2f; trained canonical, tested canonical / the same volumes turned by random cube rotations / arbitrary rotations", classes,
                    String.join(" ", Polycubes.NAMES), size, c.doubleValue("scale"), c.doubleValue("blur"), c.doubleValue("noise"));
        } else {
            Path file = Path.of(dataFile);
            train = MedMnist3d.load(file, MedMnist3d.Split.TRAIN);
            TensorDataset test = MedMnist3d.load(file, MedMnist3d.Split.TEST);
            size = train.features().size(2);
            if (size % 4 != 0) {
                throw new InvalidOptionException("data", "option 'data': volumes of side " + size + " in " + file
                        + " are not a multiple of 4");
            }
            tests.add(Map.entry("test", test));
            tests.add(Map.entry("cube", new TensorDataset(new CubeRotations(size).rotateEachRandomly(test.features(),
                    rng.split()), test.labels())));
            classes = MedMnist3d.classes(file);
            description = "MedMNIST-3D " + file.getFileName() + ", " + classes + " classes, " + size + "^3; test as given and"
                    + " turned by random cube rotations";
        }

        int width = c.intValue("width");
        int kernel = c.intValue("kernel");
        double lr = c.doubleValue("lr");
        int[] widths = {width, 2 * width, 2 * width};
        ClassifierSet models = classifiers(c, train);
        CubeRotations rotations = new CubeRotations(size);
        boolean max = c.stringValue("pooling").equals("max");
        List<String> labels = new ArrayList<>();
        if (c.booleanValue("baselines")) {
            Cnn3dClassifier cnn = new Cnn3dClassifier(widths, kernel, classes, max, rng.split());
            models.add(CNN, cnn, cnn::forward, lr, null);
            Cnn3dClassifier augmented = new Cnn3dClassifier(widths, kernel, classes, max, rng.split());
            models.add(CNN_AUGMENTED, augmented, augmented::forward, lr, rotations::rotateEachRandomly);
            labels.addAll(List.of(CNN, CNN_AUGMENTED));
        }
        for (String spec : c.stringValue("grids").split(",")) {
            String s = spec.trim();
            if (s.isEmpty()) {
                continue;
            }
            boolean full = s.endsWith(":full");
            RotationGrid grid;
            try {
                grid = RotationGrid.parse(full ? s.substring(0, s.length() - 5) : s);
            } catch (InvalidArgumentException e) {
                throw new InvalidOptionException("grids", "option 'grids': " + e.getMessage());
            }
            SE3Classifier model = new SE3Classifier(grid, full ? GroupLayerKind.FULL : GroupLayerKind.SEPARABLE, widths, kernel,
                    classes, max ? SE3GlobalPooling.Mode.MAX : SE3GlobalPooling.Mode.MEAN, rng.split());
            String name = "se3-" + grid.name() + (full ? "-full" : "");
            models.add(name, model, model::forward, lr, null);
            labels.add(name);
        }
        // Last, so the other models' initial weights do not depend on whether it is trained.
        if (c.booleanValue("regular")) {
            int w = c.intValue("regular-width");
            RegularGcnnClassifier regular = new RegularGcnnClassifier(FiniteRotationGroup.octahedral(), new int[] {w, 2 * w,
                    2 * w}, kernel, classes, max, rng.split());
            models.add(REGULAR, regular, regular::forward, lr, null);
            labels.add(REGULAR);
        }
        Map.Entry<String, Integer>[] splits = splits(train, tests);
        DatasetSummary data = new DatasetSummary(dataFile.isBlank() ? "polycubes" : "medmnist3d", description,
                ClassifierRun.splits(splits));
        return new Run(models, data, tests, labels);
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, Integer>[] splits(TensorDataset train, List<Map.Entry<String, TensorDataset>> tests) {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        out.add(Map.entry("train", train.size()));
        tests.forEach(t -> out.add(Map.entry(t.getKey(), t.getValue().size())));
        return out.toArray(new Map.Entry[0]);
    }

    private static final class Run extends ClassifierRun {
        /** 24 batches of 8: the momentum-0.1 running averages then keep 8 % of a fresh batch norm's values. */
        private static final int RECALIBRATION_BATCHES = 24;

        private final List<String> testNames = new ArrayList<>();
        private final List<String> models;

        Run(ClassifierSet models, DatasetSummary data, List<Map.Entry<String, TensorDataset>> tests, List<String> names) {
            super(models, data);
            for (Map.Entry<String, TensorDataset> t : tests) {
                addTestSet(t.getKey(), t.getValue());
                testNames.add(t.getKey());
            }
            this.models = names;
        }

        /**
         * Re-estimates every model's batch-norm statistics at its current weights from the first training batches
         * ({@link BatchNormStatistics}), so that an evaluation depends on the weights and data alone: the running
         * averages left by training lag the separable G-CNNs' quickly moving features (eval mode predicted one class),
         * and re-running batches on top of them made each evaluation depend on the evaluations before it.
         */
        private void recalibrate() {
            Tensor features = trainSet().features();
            int batch = Math.min(8, features.size(0));
            int batches = Math.max(1, Math.min(RECALIBRATION_BATCHES, features.size(0) / batch));
            for (String name : models) {
                ClassifierSet.Trained m = models().get(name);
                BatchNormStatistics.reestimate(m.module(), batches, b -> m.forward().apply(features.narrow(0, b * batch, batch)));
                m.module().eval();
            }
        }

        /** Batched evaluation: the test sets are too large for one forward pass of a 3D model. */
        @Override
        public Map<String, Double> evaluate() {
            recalibrate();
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            for (String set : testNames) {
                for (String m : models) {
                    out.put(models().metric(set + "_acc", m), batchedAccuracy(m, testSet(set)));
                }
            }
            return out;
        }

        private double batchedAccuracy(String model, TensorDataset set) {
            ClassifierSet.Trained m = models().get(model);
            m.module().eval();
            int n = set.size();
            int correct = 0;
            int batch = 32;
            try (GradMode.Scope ignored = GradMode.disabled()) {
                for (int start = 0; start < n; start += batch) {
                    int len = Math.min(batch, n - start);
                    Tensor logits = m.forward().apply(set.features().narrow(0, start, len));
                    long[] predicted = logits.argmax(1).toLongArray();
                    long[] truth = set.labels().narrow(0, start, len).toLongArray();
                    for (int i = 0; i < len; i++) {
                        correct += predicted[i] == truth[i] ? 1 : 0;
                    }
                }
            }
            return (double) correct / n;
        }

        @Override
        public ResultTable results() {
            recalibrate();
            List<String> columns = new ArrayList<>(List.of("model", "parameters"));
            testNames.forEach(t -> columns.add(t + " acc"));
            List<List<String>> rows = new ArrayList<>();
            for (String name : models) {
                List<String> row = new ArrayList<>(List.of(label(name), parameters(name)));
                for (String t : testNames) {
                    row.add(percent(batchedAccuracy(name, testSet(t))));
                }
                rows.add(row);
            }
            return new ResultTable("SE(3) G-CNNs vs 3D CNNs: trained in one orientation, tested rotated", columns, rows,
                    List.of("cube = each canonical test volume turned by a random rotation of the cube (90-degree multiples);"
                            + " arbitrary = the geometry turned by a Haar-random rotation before voxelising",
                            "batch-norm statistics re-estimated from fresh on 192 training volumes before every evaluation (precise BN)",
                            "cnn-aug: random cube rotations of every training batch; regular-O: discrete regular G-CNN"
                            + " on the octahedral group (layers-gconv/regular); se3-<grid>: separable SE(3) G-CNN on that"
                            + " rotation grid (O: the 24 cube rotations, exact on voxels; SO3grid<n>: n rotations spread"
                            + " uniformly over SO(3))"));
        }

        private static String label(String name) {
            return switch (name) {
                case CNN -> "3D CNN";
                case CNN_AUGMENTED -> "3D CNN + cube-rotation augmentation";
                case REGULAR -> "regular G-CNN, group O (24)";
                default -> name.startsWith("se3-") ? "SE(3) " + (name.endsWith("-full") ? "full" : "separable") + " G-CNN, grid "
                        + name.substring(4).replace("-full", "") : name;
            };
        }
    }
}

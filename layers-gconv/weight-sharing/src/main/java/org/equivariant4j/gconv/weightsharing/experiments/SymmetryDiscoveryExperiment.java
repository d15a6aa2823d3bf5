package org.equivariant4j.gconv.weightsharing.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.weightsharing.WeightSharingCnn;
import org.equivariant4j.gconv.weightsharing.WeightSharingOptions;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.io.IdxDatasets;

/**
 * Symmetry discovery with learned weight sharing: a {@link WeightSharingCnn} with |G| = 4 learned matrices per layer
 * (no group given; the first matrix is the identity) learns from images put into random poses of a
 * {@link PoseSymmetry}; after every epoch the lifting layer's matrices are compared with the rotations and flips of the
 * kernel grid (C4, C2, D4). Images: synthetic glyphs ({@link GlyphImages}), or MNIST from IDX files
 * ({@code --option data=<dir>} holding {@code train-images-idx3-ubyte(.gz)} etc.). Targets ({@code task}):
 * <ul>
 *   <li>{@code maps}: the response maps of a hidden lifting layer whose |G| kernels are random templates in the four
 *       poses ({@link HiddenTeacher#maps}); the learner sees only images and maps, not how the maps relate;</li>
 *   <li>{@code field}: those responses after a ReLU, pooled over the poses at every pixel (the order of the poses is
 *       not given either);</li>
 *   <li>{@code teacher}: that field pooled over space to one number per image;</li>
 *   <li>{@code labels}: the glyph classes.</li>
 * </ul>
 */
public class SymmetryDiscoveryExperiment implements Experiment {
    private final String id;
    private final String description;
    private final Defaults defaults;

    /**
     * The option defaults that tell the experiments apart (everything else is shared).
     *
     * @param spatialMean pool over space by the mean (else the maximum); {@code groupMean} likewise over the group channels
     */
    record Defaults(PoseSymmetry poses, DiscoveryTask task, int epochs, int batchSize, int trainSize, int channels, int layers,
            int kernel, boolean spatialMean, boolean groupMean, boolean layerNorm, double lr, double normPenalty) {
    }

    /** The teacher experiments' defaults: one 3x3 lifting layer of 8 fields, max pools, Adam 0.03 / 0.01, 25 epochs of 32. */
    private static Defaults teacher(PoseSymmetry poses) {
        return new Defaults(poses, DiscoveryTask.FIELD, 25, 32, 1024, 8, 1, 3, false, false, false, 0.03, 0.0);
    }

    SymmetryDiscoveryExperiment(String id, String description, Defaults defaults) {
        this.id = id;
        this.description = description;
        this.defaults = defaults;
    }

    /**
     * {@code ws-discover-c4}: every example rotated by a random multiple of 90 degrees; the target is a C4-invariant
     * teacher (a hidden rotation-pooled field), not class labels.
     */
    public static SymmetryDiscoveryExperiment discoverC4() {
        return new SymmetryDiscoveryExperiment("ws-discover-c4", "teacher task: learned weight sharing finds the four"
                + " 90-degree rotations of the kernel grid (no group given, no pose order given) from randomly rotated glyphs"
                + " by regressing a hidden C4-tied teacher's rotation-pooled field (not class labels); distances per epoch,"
                + " PNG of the matrices", teacher(PoseSymmetry.C4));
    }

    /** {@code ws-partial-symmetry}: only 180-degree rotations in the data (teacher task, as {@link #discoverC4()}). */
    public static SymmetryDiscoveryExperiment partialSymmetry() {
        return new SymmetryDiscoveryExperiment("ws-partial-symmetry", "teacher task on glyphs with only 180-degree"
                + " symmetry (a hidden field pooled over 0 and 180 degrees): which of the four matrices become which rotations",
                teacher(PoseSymmetry.C2));
    }

    /**
     * {@code ws-labels}: the paper's labelled setting: classify randomly rotated digit images (MNIST IDX files with
     * {@code data}, in-process glyphs otherwise) with the paper's network (4 layers, 32 fields, 5x5 kernels, |G| = 4,
     * layer norm, mean pools, batch 64, Adam 1e-2, norm penalty 0.1); {@code sharing=c4} trains the same network with
     * its matrices tied to C4 (a C4 G-CNN) for comparison.
     */
    public static SymmetryDiscoveryExperiment labels() {
        return new SymmetryDiscoveryExperiment("ws-labels", "the paper's labelled setting: classify randomly rotated digits"
                + " (MNIST IDX with -o data=DIR, else glyphs) with learned weight sharing at the paper's scale (4 layers,"
                + " 32 fields, 5x5, |G| = 4, batch 64, lr 1e-2, norm penalty 0.1); -o sharing=c4 for the tied C4 G-CNN",
                new Defaults(PoseSymmetry.C4, DiscoveryTask.LABELS, 12, 64, 4096, 32, 4, 5, true, true, true, 0.01, 0.1));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<OptionSpec> options() {
        Defaults d = defaults;
        return List.of(StandardOptions.epochs(d.epochs()), StandardOptions.batchSize(d.batchSize()), StandardOptions.seed(1),
                StandardOptions.trainSize(d.trainSize()), StandardOptions.testSize(512),
                OptionSpec.ofChoice("task", d.task().id(), "maps: regress the response maps of a hidden lifting layer whose"
                        + " kernels are the templates in every pose (C4 only); field: the same maps pooled over the poses"
                        + " at every pixel (after a ReLU); teacher: that pooled to one number per image; labels: classify"
                        + " the glyphs", "maps", "field", "teacher", "labels"),
                OptionSpec.ofInt("teacher-templates", 4, "random templates of the hidden invariant function", 1, 64),
                OptionSpec.ofChoice("poses", d.poses().name(), "symmetry of the data's poses", "C4", "C2", "D1", "NONE"),
                OptionSpec.ofInt("channels", d.channels(), "fields per layer (the paper: 32)", 1, 512),
                OptionSpec.ofInt("layers", d.layers(), "weight-sharing layers: lifting + group layers (the paper: 4)", 1, 16),
                OptionSpec.ofInt("kernel", d.kernel(), "kernel size, odd (the paper: 5)", 1, 15),
                OptionSpec.ofChoice("spatial-pool", d.spatialMean() ? "mean" : "max", "pool each group channel over space by"
                        + " its max or mean (the paper: mean)", "max", "mean"),
                OptionSpec.ofChoice("group-pool", d.groupMean() ? "mean" : "max", "pool the |G| group channels of a field by"
                        + " their max or mean (the paper: mean)", "max", "mean"),
                OptionSpec.ofBoolean("layer-norm", d.layerNorm(), "layer norm after every convolution (the paper: yes)"),
                OptionSpec.ofChoice("sharing", "learned", "learned: |G| matrices per layer learned from uniform scores;"
                        + " c4: tied to C4's permutations of the kernel (a C4 G-CNN of the same shape)", "learned", "c4"),
                OptionSpec.ofDouble("score-scale", 1.0, "scores start uniform in [0, score-scale) (the paper: 1)", 1e-6, 1e4),
                OptionSpec.ofInt("size", 15, "image side in pixels (synthetic glyphs)", 5, 64),
                OptionSpec.ofInt("classes", 8, "number of glyph classes", 2, 64),
                OptionSpec.ofDouble("noise", 0.1, "Gaussian pixel noise", 0.0, 2.0),
                OptionSpec.ofDouble("lr", d.lr(), "Adam learning rate of kernels, biases and head (the paper: 1e-2)", 1e-6, 1.0),
                OptionSpec.ofDouble("lr-scores", 0.01, "Adam learning rate of the matrices' scores (the paper: 1e-2)", 1e-6, 10.0),
                OptionSpec.ofInt("iterations", 20, "Sinkhorn iterations (the paper: 20)", 1, 1000),
                OptionSpec.ofDouble("temperature", 1.0, "Sinkhorn temperature (the paper: 1)", 1e-3, 100.0),
                OptionSpec.ofBoolean("fix-identity", true, "first matrix fixed to the identity (the paper: yes)"),
                OptionSpec.ofDouble("norm-penalty", d.normPenalty(), "weight of the norm regulariser (the paper: 0.1)", 0.0, 100.0),
                OptionSpec.ofDouble("entropy-penalty", 0.0, "weight of the entropy regulariser (the paper: 0)", 0.0, 100.0),
                OptionSpec.ofDouble("threshold", 0.5, "largest matched distance to C4 counted as found", 0.0, 100.0),
                OptionSpec.ofString("data", "", "folder with MNIST IDX files (train/t10k-images-idx3-ubyte[.gz], labels);"
                        + " empty: synthetic glyphs"),
                OptionSpec.ofString("figure", "runs/" + id + "-matrices.png", "where the PNG of the learned matrices goes"));
    }

    @Override
    public ExperimentRun start(ExperimentConfig c) {
        long seed = c.intValue(StandardOptions.SEED);
        Rng rng = new Rng(seed);
        PoseSymmetry poses = PoseSymmetry.valueOf(c.stringValue("poses"));
        int trainSize = c.intValue(StandardOptions.TRAIN_SIZE);
        int testSize = c.intValue(StandardOptions.TEST_SIZE);
        TensorDataset train;
        TensorDataset test;
        int classes;
        String dataName;
        if (c.stringValue("data").isBlank()) {
            GlyphImages glyphs = GlyphImages.random(c.intValue("classes"), 6, 7L * seed + 3);
            int size = c.intValue("size");
            double noise = c.doubleValue("noise");
            train = RandomPoses.apply(glyphs.generate(trainSize, size, noise, rng.split()), poses, rng.split());
            test = RandomPoses.apply(glyphs.generate(testSize, size, noise, rng.split()), poses, rng.split());
            classes = glyphs.classes();
            dataName = String.format(Locale.ROOT, "%d random asymmetric 6-pixel glyphs on %dx%d, noise %.2f", classes, size, size,
                    noise);
        } else {
            Path dir = Path.of(c.stringValue("data"));
            train = RandomPoses.apply(IdxDatasets.imagesAndLabels(find(dir, "train-images-idx3-ubyte"),
                    find(dir, "train-labels-idx1-ubyte"), trainSize), poses, rng.split());
            test = RandomPoses.apply(IdxDatasets.imagesAndLabels(find(dir, "t10k-images-idx3-ubyte"),
                    find(dir, "t10k-labels-idx1-ubyte"), testSize), poses, rng.split());
            classes = 10;
            dataName = "MNIST from " + dir;
        }
        DiscoveryTask task = DiscoveryTask.of(c.stringValue("task"));
        if (task == DiscoveryTask.MAPS && poses != PoseSymmetry.C4) {
            throw new InvalidOptionException("task", "option 'task': 'maps' needs one target map"
                    + " per group channel, i.e. poses=C4 for the 4 matrices; use task=field or teacher for poses=" + poses);
        }
        boolean maxOverSpace = c.stringValue("spatial-pool").equals("max");
        boolean maxOverGroup = c.stringValue("group-pool").equals("max");
        int kernel = c.intValue("kernel");
        if (task == DiscoveryTask.TEACHER) {
            HiddenTeacher teacher = new HiddenTeacher(poses, c.intValue("teacher-templates"), kernel, maxOverSpace,
                    maxOverGroup, new Rng(31L * seed + 17));
            Tensor y = teacher.raw(train.features());
            double mean = y.mean().item();
            double std = Math.sqrt(y.sub(mean).pow(2).mean().item()) + 1e-12;
            train = teacher.label(train.features(), mean, std);
            test = teacher.label(test.features(), mean, std);
            classes = 1;
            dataName += String.format(Locale.ROOT, "; target: a hidden %s-invariant function of %d random %dx%d templates",
                    poses, c.intValue("teacher-templates"), kernel, kernel);
        } else if (task == DiscoveryTask.MAPS) {
            HiddenTeacher teacher = new HiddenTeacher(poses, c.intValue("channels"), kernel, maxOverSpace,
                    maxOverGroup, new Rng(31L * seed + 17));
            double std = Math.sqrt(teacher.maps(train.features(), 1.0).labels().pow(2).mean().item()) + 1e-12;
            train = teacher.maps(train.features(), std);
            test = teacher.maps(test.features(), std);
            classes = 1;
            dataName += String.format(Locale.ROOT, "; target: the %d response maps of a hidden lifting layer (%d random %dx%d"
                    + " templates, each in the %d poses)", 4 * c.intValue("channels"), c.intValue("channels"), kernel, kernel, 4);
        } else if (task == DiscoveryTask.FIELD) {
            HiddenTeacher teacher = new HiddenTeacher(poses, c.intValue("channels"), kernel, maxOverSpace,
                    maxOverGroup, new Rng(31L * seed + 17));
            TensorDataset raw = teacher.field(train.features(), 1.0);
            double std = Math.sqrt(raw.labels().pow(2).mean().item()) + 1e-12;
            train = teacher.field(train.features(), std);
            test = teacher.field(test.features(), std);
            classes = 1;
            dataName += String.format(Locale.ROOT, "; target: a hidden field pooling %d random %dx%d templates over the %s"
                    + " poses at every pixel", c.intValue("channels"), kernel, kernel, poses);
        }
        WeightSharingOptions o = new WeightSharingOptions(c.intValue("iterations"), c.doubleValue("temperature"),
                c.booleanValue("fix-identity"), true, c.doubleValue("score-scale"));
        WeightSharingCnn model = new WeightSharingCnn(DiscoveryRun.C4, 1, c.intValue("channels"), c.intValue("layers"), kernel,
                classes, o, maxOverSpace, maxOverGroup, c.booleanValue("layer-norm"), rng.split());
        boolean tied = c.stringValue("sharing").equals("c4");
        if (tied) {
            model.tieToGroup();
        }
        DatasetSummary data = new DatasetSummary(dataName, "each example in a random pose of " + poses,
                Map.of("train", train.size(), "test", test.size()));
        String title = String.format(Locale.ROOT, "%s: %d learned matrices, data with %s poses", id, 4, poses);
        return new DiscoveryRun(task, model, tied, train, test, c.intValue(StandardOptions.BATCH_SIZE), seed,
                c.doubleValue("lr"), c.doubleValue("lr-scores"),
                c.doubleValue("norm-penalty"), c.doubleValue("entropy-penalty"), kernel, data, Path.of(c.stringValue("figure")),
                title, c.doubleValue("threshold"));
    }

    private static Path find(Path dir, String name) {
        Path plain = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        return plain.toFile().isFile() || !gz.toFile().isFile() ? plain : gz;
    }
}

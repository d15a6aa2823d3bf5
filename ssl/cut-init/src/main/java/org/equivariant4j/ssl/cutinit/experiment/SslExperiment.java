package org.equivariant4j.ssl.cutinit.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.Experiment;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.optim.SGD;
import org.equivariant4j.ssl.augment.AugmentationPipeline;
import org.equivariant4j.ssl.cutinit.CutInit;
import org.equivariant4j.ssl.cutinit.CutScope;
import org.equivariant4j.ssl.cutinit.GradScale;
import org.equivariant4j.ssl.data.LabelledImages;
import org.equivariant4j.ssl.method.SslMethod;
import org.equivariant4j.ssl.monitor.KnnMonitor;

/**
 * One SSL method trained with several cut-initialisation divisors side by side ({@code --cuts 1,3,9}; each its own
 * model {@code c<c>} with its own SGD, all on the same batches and the same two views), optionally with a GradScale
 * model ({@code gs}); after every epoch the kNN accuracy of each backbone's features on the test set (the training
 * set as the labelled bank) and the mean norm of the embeddings the loss normalises. Data: {@link PentominoImages}, or
 * {@code --data} (CIFAR-10 binary or MNIST IDX).
 */
public final class SslExperiment implements Experiment {
    private final SslMethodKind kind;

    private SslExperiment(SslMethodKind kind) {
        this.kind = kind;
    }

    public static SslExperiment simclr() {
        return new SslExperiment(SslMethodKind.SIMCLR);
    }

    public static SslExperiment byol() {
        return new SslExperiment(SslMethodKind.BYOL);
    }

    public static SslExperiment simsiam() {
        return new SslExperiment(SslMethodKind.SIMSIAM);
    }

    @Override
    public String id() {
        return kind.id;
    }

    @Override
    public String description() {
        return kind.label + " on generated pentominoes with cut-initialisation c = 1, 3, 9 side by side: kNN accuracy and"
                + " embedding norms per epoch (Draganov et al. 2024)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(StandardOptions.epochs(8), StandardOptions.batchSize(128), StandardOptions.seed(1),
                StandardOptions.trainSize(2048), StandardOptions.testSize(512),
                OptionSpec.ofInt("size", 16, "side of the generated images", 8, 64),
                OptionSpec.ofInt("width", 8, "backbone width (channels of its first block; features 4 x width)", 1, 128),
                OptionSpec.ofInt("projection", 64, "output width of the projector (and predictor)", 2, 1024),
                OptionSpec.ofString("cuts", "1,3,9", "comma-separated cut-initialisation divisors, one model each"),
                OptionSpec.ofChoice("cut-scope", "all", "which weights are divided", "all", "last"),
                OptionSpec.ofBoolean("grad-scale", false, "also train a model with GradScale (power 1) and no cut"),
                OptionSpec.ofDouble("lr", kind.defaultLr, "SGD learning rate", 1e-5, 10),
                OptionSpec.ofDouble("momentum", 0.9, "SGD momentum", 0, 0.999),
                OptionSpec.ofDouble("weight-decay", kind.weightDecay, "SGD weight decay", 0, 0.1),
                OptionSpec.ofDouble("temperature", 0.5, "NT-Xent temperature (SimCLR)", 0.01, 10),
                OptionSpec.ofDouble("tau", 0.99, "EMA rate of the target (BYOL)", 0, 1),
                OptionSpec.ofDouble("rotation", 15, "largest rotation of the augmentation, degrees", 0, 180),
                OptionSpec.ofDouble("crop", 0.7, "smallest area fraction of the augmentation's random resized crop", 0.05, 1),
                OptionSpec.ofDouble("pose", 0, "largest rotation of the generated shapes' poses, degrees", 0, 180),
                OptionSpec.ofInt("knn-k", 20, "neighbours of the kNN monitor", 1, 1000),
                OptionSpec.ofString("data", "", "folder with CIFAR-10 binary or MNIST IDX files instead of pentominoes"));
    }

    @Override
    public ExperimentRun start(ExperimentConfig c) {
        int seed = c.intValue(StandardOptions.SEED);
        Rng rng = new Rng(seed);
        int trainSize = c.intValue(StandardOptions.TRAIN_SIZE);
        int testSize = c.intValue(StandardOptions.TEST_SIZE);
        TensorDataset train;
        TensorDataset test;
        String dataName;
        if (c.stringValue("data").isBlank()) {
            int size = c.intValue("size");
            train = PentominoImages.generate(trainSize, size, c.doubleValue("pose"), rng.split());
            test = PentominoImages.generate(testSize, size, c.doubleValue("pose"), rng.split());
            dataName = String.format(Locale.ROOT, "%d pentominoes, %dx%d, poses within ±%.0f° and mirrored", PentominoImages.CLASSES, size,
                    size, c.doubleValue("pose"));
        } else {
            LabelledImages read = LabelledImages.read(Path.of(c.stringValue("data")), trainSize, testSize);
            train = read.train();
            test = read.test();
            dataName = read.name();
        }
        int channels = train.features().size(1);
        List<Double> cuts = cuts(c.stringValue("cuts"));
        CutScope scope = CutScope.of(c.stringValue("cut-scope"));
        List<Variant> variants = new ArrayList<>();
        for (double cut : cuts) {
            variants.add(variant(c, "c" + format(cut), cut, false, scope, channels, new Rng(seed * 1000L + 7)));
        }
        if (c.booleanValue("grad-scale")) {
            variants.add(variant(c, "gs", 1, true, scope, channels, new Rng(seed * 1000L + 7)));
        }
        AugmentationPipeline views = AugmentationPipeline.standard(c.doubleValue("crop"), c.doubleValue("rotation"), 0.05);
        return new SslRun(kind, seed, c.intValue(StandardOptions.BATCH_SIZE), train, test, dataName, variants, views,
                new KnnMonitor(c.intValue("knn-k"), 0.1));
    }

    /** Every variant starts from the same initial weights (the same seed), then is cut by its divisor. */
    private Variant variant(ExperimentConfig c, String name, double cut, boolean gradScale, CutScope scope, int channels,
            Rng rng) {
        UnaryOperator<Tensor> before = gradScale ? new GradScale(1) : UnaryOperator.identity();
        SslMethod method = kind.build(channels, c.intValue("width"), c.intValue("projection"), c.doubleValue("temperature"),
                c.doubleValue("tau"), before, rng);
        CutInit.cutInit(method, cut, scope);
        SGD sgd = SGD.builder(method.trainableParameters()).learningRate(c.doubleValue("lr"))
                .momentum(c.doubleValue("momentum")).weightDecay(c.doubleValue("weight-decay")).build();
        return new Variant(name, cut, gradScale, method, sgd);
    }

    static String format(double cut) {
        return cut == Math.rint(cut) ? Long.toString((long) cut) : Double.toString(cut);
    }

    private static List<Double> cuts(String text) {
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                double v = Double.parseDouble(part.trim());
                if (!(v >= 1) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                if (out.contains(v)) {
                    throw new InvalidOptionException("cuts", "option 'cuts': divisor " + part.trim() + " appears twice in '"
                            + text + "'");
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new InvalidOptionException("cuts", "option 'cuts': expected comma-separated divisors >= 1 (e.g. 1,3,9)"
                        + " but was '" + text + "'");
            }
        }
        return out;
    }
}

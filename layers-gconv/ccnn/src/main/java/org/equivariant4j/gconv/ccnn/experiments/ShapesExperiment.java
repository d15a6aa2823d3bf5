package org.equivariant4j.gconv.ccnn.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.equivariant4j.core.experiment.DatasetSummary;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.OptionSpec;
import org.equivariant4j.core.experiment.StandardOptions;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.gconv.ccnn.Ccnn;
import org.equivariant4j.gconv.ccnn.CcnnConfig;
import org.equivariant4j.gconv.ccnn.ConvKind;
import org.equivariant4j.gconv.ccnn.Padding;
import org.equivariant4j.gconv.ccnn.kernel.KernelNetSpec;
import org.equivariant4j.gconv.regular.experiment.Pentominoes;
import org.equivariant4j.gconv.se3.data.Polycubes;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.nn.experiment.ClassifierExperiment;
import org.equivariant4j.nn.experiment.ClassifierRun;
import org.equivariant4j.nn.experiment.ClassifierSet;

/**
 * The CCNN class of {@link SequenceExperiment}, unchanged but for {@code dims}, on 2D images (the
 * 12 pentominoes of {@code layers-gconv/regular}) or 3D volumes (the 8 tetracubes of
 * {@code layers-gconv/se3-separable}), centred ("same") kernels and mean pooling, beside the same
 * network with a plain discrete kernel of as many parameters.
 */
public final class ShapesExperiment extends ClassifierExperiment {
    public static final String ID = "ccnn-shapes";

    public ShapesExperiment() {
        super(ID, "The same CCNN on 2D pentomino images (--dims 2) or 3D tetracube volumes (--dims 3), beside a plain CNN of the"
                + " same size", new Defaults(8, 32, 600, 300));
    }

    @Override
    protected List<OptionSpec> experimentOptions() {
        return List.of(OptionSpec.ofChoice("dims", "2", "2: pentomino images, 3: tetracube volumes", "2", "3"),
                OptionSpec.ofInt("size", 0, "side of the image / volume (0: 20 for images, 12 for volumes)", 0, 64),
                OptionSpec.ofInt("hidden", 16, "channels of every block", 1, 1024),
                OptionSpec.ofInt("blocks", 2, "residual blocks", 1, 32),
                OptionSpec.ofDouble("omega0", 10.0, "frequency scale of the MAGNet kernel networks", 0.1, 10000.0),
                OptionSpec.ofDouble("mask-sigma", 0.15, "initial FlexConv mask width in kernel coordinates [-1, 1] (small: kernels"
                        + " start local and grow, as in FlexConv)", 0.01, 10.0),
                OptionSpec.ofBoolean("plain", true, "also train the plain CNN of the same size"),
                learningRate(0.02));
    }

    @Override
    protected ClassifierRun prepare(ExperimentConfig c, Rng rng) {
        int dims = Integer.parseInt(c.stringValue("dims"));
        int size = c.intValue("size") > 0 ? c.intValue("size") : dims == 2 ? 20 : 12;
        int trainSize = c.intValue(StandardOptions.TRAIN_SIZE);
        int testSize = c.intValue(StandardOptions.TEST_SIZE);
        TensorDataset train;
        TensorDataset test;
        int classes;
        String description;
        if (dims == 2) {
            int cell = Math.max(1, size / 6);
            train = images(Pentominoes.generate(trainSize, size, cell, 2, 0.1, rng.split()), size);
            test = images(Pentominoes.generate(testSize, size, cell, 2, 0.1, rng.split()), size);
            classes = Pentominoes.classes();
            description = String.format(Locale.ROOT, "12 pentominoes, %dx%d images, cells of %d px, shifted up to 2 px, noise 0.1",
                    size, size, cell);
        } else {
            Polycubes.Settings settings = new Polycubes.Settings(size, Math.max(1.0, size / 5.0), 1.0, 0.1);
            train = Polycubes.generate(trainSize, settings, Polycubes.Orientation.CANONICAL, rng.split());
            test = Polycubes.generate(testSize, settings, Polycubes.Orientation.CANONICAL, rng.split());
            classes = Polycubes.classes();
            description = String.format(Locale.ROOT, "8 tetracubes, %d^3 volumes, upright", size);
        }
        int[] reference = new int[dims];
        java.util.Arrays.fill(reference, size);
        ClassifierSet models = classifiers(c, train);
        Map<String, String> labels = new LinkedHashMap<>();
        CcnnConfig config = new CcnnConfig(dims, 1, classes, c.intValue("hidden"), c.intValue("blocks"), ConvKind.FLEX,
                new KernelNetSpec(KernelNetSpec.Kind.MAGNET, 32, 3, c.doubleValue("omega0")), c.doubleValue("mask-sigma"),
                Padding.SAME, 0.1, reference, DType.FLOAT32, 0);
        Ccnn ccnn = new Ccnn(config, rng.split());
        models.add("ccnn", ccnn, ccnn::forward, c.doubleValue("lr"), null);
        labels.put("ccnn", "CCNN (FlexConv), " + dims + "D");
        if (c.booleanValue("plain")) {
            Ccnn plain = new Ccnn(config.withConv(ConvKind.DISCRETE), rng.split());
            models.add("plain", plain, plain::forward, c.doubleValue("lr"), null);
            labels.put("plain", "CNN, plain depthwise kernel, " + dims + "D");
        }
        DatasetSummary data = new DatasetSummary(dims == 2 ? "pentominoes" : "polycubes", description,
                ClassifierRun.splits(Map.entry("train", train.size()), Map.entry("test", test.size())));
        Map<String, TensorDataset> tests = new LinkedHashMap<>();
        tests.put("test", test);
        return new CcnnRun(models, data, tests, labels, "CCNN on " + (dims == 2 ? "2D images" : "3D volumes"),
                List.of("the CCNN class of ccnn-sequence with dims = " + dims + ", centred kernels, mean pooling"));
    }

    private static TensorDataset images(TensorDataset flat, int size) {
        return new TensorDataset(flat.features().reshape(flat.size(), 1, size, size), flat.labels());
    }
}

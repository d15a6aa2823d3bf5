package org.equivariant4j.gconv.regular.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.equivariance.Tolerance;
import org.junit.jupiter.api.Test;

/** The experiment's pieces: invariant classifiers whatever their weights, the data, and a short seeded run. */
class GcnnRotated2dExperimentTest {

    @Test
    void theGroupCnnsAreInvariantUnderTheirGroupWhateverTheirWeights() {
        for (FiniteGroup g : List.of(CyclicGroup.of(4), DihedralGroup.of(4))) {
            GroupCnn net = new GroupCnn(g, 16, 3, 12, new Rng(2));
            net.eval();
            FieldType image = FieldType.of(Domain.grid(2), Representation.trivial(g));
            FieldType logits = FieldType.of(Domain.vectors(),
                    Representation.directSum(Collections.nCopies(12, Representation.trivial(g))));
            Tensor images = Tensors.randn(new Rng(3), 4, 1, 16, 16);
            EquivarianceReport report = EquivarianceChecker.of("GroupCnn(" + g.name() + ")", image, logits,
                    x -> GeometricTensor.of(net.forward(x.tensor().reshape(4, 256)), logits)).inDType(DType.FLOAT32)
                    .measureInvariance(g.elements(), List.of(GeometricTensor.of(images, image)));
            assertThat(report.passes(Tolerance.defaultFor(DType.FLOAT32))).as(report.describe()).isTrue();
        }
    }

    @Test
    void theDataIsBalancedAndReproducible() {
        TensorDataset a = Pentominoes.generate(36, 16, 2, 2, 0.1, new Rng(5));
        TensorDataset b = Pentominoes.generate(36, 16, 2, 2, 0.1, new Rng(5));
        assertThat(a.features().toFloatArray()).isEqualTo(b.features().toFloatArray());
        assertThat(a.features().shape()).containsExactly(36, 256);
        long[] labels = a.labels().toLongArray();
        for (int i = 0; i < 36; i++) {
            assertThat(labels[i]).isEqualTo(i % 12);
        }
    }

    /**
     * A short seeded run (150 steps of each model on 12x12 images; the augmented CNN left out for time): both
     * G-CNNs score on turned images what they score upright, and beat the CNN trained upright on turned images.
     */
    @Test
    void theGroupCnnsBeatTheCnnOnRotatedImages() {
        GcnnRotated2dExperiment experiment = new GcnnRotated2dExperiment();
        ExperimentRun run = experiment.start(ExperimentConfig.resolve(experiment, Map.ofEntries(Map.entry("epochs", "1"),
                Map.entry("train-size", "480"),
                Map.entry("test-size", "240"), Map.entry("batch-size", "32"), Map.entry("lr", "0.01"), Map.entry("size", "12"),
                Map.entry("shift", "1"), Map.entry("cnn-channels", "16"), Map.entry("c4-fields", "8"), Map.entry("d4-fields", "6"),
                Map.entry("augmented-cnn", "false"))));
        for (int epoch = 0; epoch < 10; epoch++) {
            EpochTraining e = run.trainEpoch(epoch, StepListener.NONE, () -> false);
            assertThat(e.steps()).isEqualTo(15);
        }
        Map<String, Double> m = run.evaluate();
        System.out.println("gcnn-rotated-2d (test size): " + m);
        // The README's claims, each with a margin a broken model fails (chance is 1/12 = 0.083): the C4 G-CNN learns
        // (a model that predicts one class would also score the same on both sets), keeps its upright accuracy on
        // turned images exactly, and beats the CNN there; the CNN learns upright and loses much of it when turned.
        assertThat(m.get("test_acc.c4")).as("C4 upright accuracy (6 x chance)").isGreaterThan(0.5);
        assertThat(m.get("rotated_acc.c4")).as("C4 rotated = upright accuracy").isEqualTo(m.get("test_acc.c4"));
        assertThat(m.get("rotated_acc.d4")).as("D4 rotated = upright accuracy").isEqualTo(m.get("test_acc.d4"));
        assertThat(m.get("rotated_acc.c4")).as("C4 beats the CNN on rotated images").isGreaterThan(m.get("rotated_acc.cnn") + 0.2);
        assertThat(m.get("test_acc.cnn")).as("the CNN learns upright (6 x chance)").isGreaterThan(0.5);
        assertThat(m.get("rotated_acc.cnn")).as("the CNN drops on rotated images").isLessThan(m.get("test_acc.cnn") - 0.2);
        // D4 is slower to train at this size: only a smaller margin over the CNN.
        assertThat(m.get("rotated_acc.d4")).isGreaterThan(m.get("rotated_acc.cnn") + 0.05);
        ResultTable table = run.results();
        assertThat(table.rows()).extracting(r -> r.get(0)).containsExactly("D4 G-CNN", "C4 G-CNN", "CNN");
    }
}

package org.equivariant4j.cli.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ExperimentRun;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.GroupElement;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.equivariance.EquivarianceReport;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.nn.experiment.GridSymmetry;
import org.junit.jupiter.api.Test;

/** The flagship's pieces: the pixel regrouping, exact invariance, the data, and one epoch of the whole run. */
class C4TetrominoExperimentTest {
    private final GridSymmetry c4 = new GridSymmetry(CyclicGroup.of(4), 8);

    @Test
    void rotatingTheImagePermutesEachFieldAsTheRegularRepresentation() {
        Tensor images = Tensors.randn(new Rng(3), DType.FLOAT64, 5, 1, 8, 8);
        Tensor order = Tensors.of(c4.orbitOrder(), 64);
        for (GroupElement g : c4.group().elements()) {
            Tensor rotated = GeometricTensor.of(images, c4.imageType()).transform(g).tensor().reshape(5, 64);
            Tensor expected = GeometricTensor.of(images.reshape(5, 64).indexSelect(1, order), c4.fieldsType()).transform(g).tensor();
            assertThat(rotated.indexSelect(1, order).sub(expected).abs().max().item()).as("element %s", g).isZero();
        }
    }

    @Test
    void anOddGridIsRefusedBecauseTheCentreIsFixed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GridSymmetry(CyclicGroup.of(4), 7))
                .hasMessageContaining("fixes pixel 24 of a 7x7 grid");
    }

    @Test
    void theClassifierIsInvariantWhateverItsWeights() {
        InvariantClassifier net = new InvariantClassifier(c4, 4, 2, 7, new Rng(11));
        Tensor images = Tensors.randn(new Rng(4), 16, 1, 8, 8);
        var logits = org.equivariant4j.core.field.FieldType.of(org.equivariant4j.core.field.Domain.vectors(),
                org.equivariant4j.core.group.Representation.directSum(java.util.Collections.nCopies(7,
                        org.equivariant4j.core.group.Representation.trivial(c4.group()))));
        EquivarianceReport report = EquivarianceChecker.of("classifier", c4.imageType(), logits,
                x -> GeometricTensor.of(net.forward(x.tensor().reshape(16, 64)), logits)).inDType(DType.FLOAT32)
                .measureInvariance(c4.group().elements(), List.of(GeometricTensor.of(images, c4.imageType())));
        assertThat(report.passes(Tolerance.defaultFor(DType.FLOAT32))).as(report.describe()).isTrue();
    }

    @Test
    void theDataIsBalancedUprightAndReproducible() {
        TensorDataset a = Tetrominoes.generate(70, 8, 1, 0.0, new Rng(5));
        TensorDataset b = Tetrominoes.generate(70, 8, 1, 0.0, new Rng(5));
        assertThat(a.features().toFloatArray()).isEqualTo(b.features().toFloatArray());
        long[] labels = a.labels().toLongArray();
        float[] pixels = a.features().toFloatArray();
        for (int i = 0; i < 70; i++) {
            assertThat(labels[i]).isEqualTo(i % 7);
            float on = 0;
            for (int p = 0; p < 64; p++) {
                on += pixels[i * 64 + p];
            }
            assertThat(on).as("cells of example %d without noise", i).isEqualTo(4f);
        }
    }

    @Test
    void oneEpochTrainsAllThreeModelsAndTheTableComparesThem() {
        C4TetrominoExperiment experiment = new C4TetrominoExperiment();
        ExperimentRun run = experiment.start(ExperimentConfig.resolve(experiment, Map.of("epochs", "1", "train-size", "128",
                "test-size", "64", "fields", "4", "hidden", "16", "batch-size", "32")));
        EpochTraining epoch = run.trainEpoch(0, StepListener.NONE, () -> false);
        assertThat(epoch.complete()).isTrue();
        assertThat(epoch.steps()).isEqualTo(4);
        assertThat(epoch.metrics()).containsOnlyKeys("train_loss.equivariant", "train_loss.mlp", "train_loss.mlp-aug");
        Map<String, Double> metrics = run.evaluate();
        assertThat(metrics).containsKeys("test_acc.equivariant", "rotated_acc.mlp", "rotated_acc.mlp-aug");
        assertThat(metrics.get("rotated_acc.equivariant")).as("an invariant model scores the same on rotated images")
                .isEqualTo(metrics.get("test_acc.equivariant"));
        assertThat(run.model().stateDict().keySet()).anyMatch(k -> k.startsWith("equivariant.body."))
                .anyMatch(k -> k.startsWith("mlp-aug.layers."));

        ResultTable table = run.results();
        assertThat(table.rows()).extracting(r -> r.get(0)).containsExactly("C4-invariant net (equivariant blocks)",
                "MLP + rotation augmentation", "MLP");
        assertThat(Double.parseDouble(table.rows().get(0).get(4))).as("invariance error of the equivariant net").isLessThan(1e-5);
        assertThat(Double.parseDouble(table.rows().get(2).get(4))).as("invariance error of the plain MLP").isGreaterThan(1e-3);
    }

    /**
     * The README's claim at a tenth of its budget (1,000 examples, 8 epochs, seed 1): the invariant net scores the same
     * upright and rotated and beats the plain MLP on rotated shapes by a wide margin, while the MLP loses most of its
     * upright accuracy under rotation. Measured on 2 cores (2026-12-06, seeds 1-3): equivariant 76/81/75 % on both,
     * MLP 84-89 % upright and 37-45 % rotated. The margins (20 and 25 points, 60 % = 4x chance) sit far below those
     * gaps: a model that is not invariant, or does not learn, fails them.
     */
    @Test
    void theInvariantNetKeepsItsAccuracyUnderRotationWhereTheMlpLosesIt() {
        C4TetrominoExperiment experiment = new C4TetrominoExperiment();
        ExperimentRun run = experiment.start(ExperimentConfig.resolve(experiment, Map.of("epochs", "8", "train-size", "1000",
                "test-size", "300", "seed", "1")));
        for (int epoch = 0; epoch < 8; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        Map<String, Double> m = run.evaluate();
        assertThat(m.get("rotated_acc.equivariant")).as("invariant net, rotated").isEqualTo(m.get("test_acc.equivariant"))
                .isGreaterThan(0.60);
        assertThat(m.get("rotated_acc.equivariant") - m.get("rotated_acc.mlp")).as("invariant net minus MLP, rotated: %s", m)
                .isGreaterThan(0.20);
        assertThat(m.get("test_acc.mlp") - m.get("rotated_acc.mlp")).as("MLP upright minus rotated: %s", m).isGreaterThan(0.25);
    }
}

package org.equivariant4j.gconv.weightsharing.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.equivariant4j.core.error.InvalidOptionException;
import org.equivariant4j.core.experiment.ExperimentConfig;
import org.equivariant4j.core.experiment.ResultTable;
import org.equivariant4j.core.experiment.StepListener;
import org.junit.jupiter.api.Test;

/** {@code ws-rotated-accuracy} at toy size: all three models train (their loss falls), and the table reports them. */
class RotatedAccuracyTest {

    @Test
    void threeModelsTrainOnRotatedImages() {
        RotatedAccuracyExperiment e = new RotatedAccuracyExperiment();
        ExperimentConfig c = ExperimentConfig.resolve(e, Map.of("size", "12", "train-size", "192", "test-size", "96",
                "epochs", "4", "ws-channels", "4", "ws-layers", "2", "ws-kernel", "3", "c4-fields", "4", "cnn-channels", "8", "lr", "1e-2"));
        RotatedAccuracyExperiment.Run run = (RotatedAccuracyExperiment.Run) e.start(c);
        Map<String, Double> first = run.trainEpoch(0, StepListener.NONE, () -> false).metrics();
        Map<String, Double> last = first;
        for (int epoch = 1; epoch < 4; epoch++) {
            last = run.trainEpoch(epoch, StepListener.NONE, () -> false).metrics();
        }
        // 24 steps at toy size: too few for a stable accuracy (batch norm's running statistics), enough for the loss.
        for (String model : new String[] {RotatedAccuracyExperiment.WS, RotatedAccuracyExperiment.C4, RotatedAccuracyExperiment.CNN}) {
            String key = "train_loss." + model;
            assertThat(last.get(key)).as("%s: last epoch's training loss vs the first's %s", model, first.get(key))
                    .isLessThan(first.get(key) - 0.05);
        }
        assertThat(run.evaluate()).containsOnlyKeys("rotated_acc.ws", "rotated_acc.c4", "rotated_acc.cnn");
        ResultTable table = run.results();
        assertThat(table.rows()).hasSize(3);
        // The weight-sharing CNN has sharing scores (2 layers, first matrix fixed to the identity: 3·9² + 3·36²), the others none.
        assertThat(table.rows().get(0).get(2)).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", 3 * 81 + 3 * 36 * 36));
        assertThat(table.rows().get(1).get(2)).isEqualTo("0");
    }

    /**
     * The README's ordering at the largest setting a CI test affords (12x12 images, 480 training and 480 test images,
     * 15 epochs, the experiment's default widths; about a minute of CPU): the C4 G-CNN above the weight-sharing CNN
     * above the CNN on rotated test images. Measured 2026-12-06 (seed 1): 78.5 / 62.1 / 47.3 % at epoch 14; from epoch 8
     * on the weight-sharing CNN stayed 10-21 points above the CNN and 4-24 below the G-CNN. The margins (5 points each)
     * fail a weight-sharing layer that learns nothing beyond a CNN, or one that outdoes exact C4 tying. "Close to the
     * G-CNN", as in the full run's 93.1 vs 96.5 %, does not hold at this size and is not asserted.
     */
    @Test
    void theGroupCnnLeadsTheWeightSharingCnnWhichLeadsTheCnnOnRotatedImages() {
        RotatedAccuracyExperiment e = new RotatedAccuracyExperiment();
        ExperimentConfig c = ExperimentConfig.resolve(e, Map.of("size", "12", "train-size", "480", "test-size", "480",
                "epochs", "15", "seed", "1"));
        RotatedAccuracyExperiment.Run run = (RotatedAccuracyExperiment.Run) e.start(c);
        for (int epoch = 0; epoch < 15; epoch++) {
            run.trainEpoch(epoch, StepListener.NONE, () -> false);
        }
        Map<String, Double> acc = run.evaluate();
        assertThat(acc.get("rotated_acc.ws") - acc.get("rotated_acc.cnn")).as("weight sharing minus CNN: %s", acc).isGreaterThan(0.05);
        assertThat(acc.get("rotated_acc.c4") - acc.get("rotated_acc.ws")).as("C4 G-CNN minus weight sharing: %s", acc)
                .isGreaterThan(0.05);
    }

    @Test
    void refusesAnEvenKernel() {
        RotatedAccuracyExperiment e = new RotatedAccuracyExperiment();
        assertThatThrownBy(() -> e.start(ExperimentConfig.resolve(e, Map.of("ws-kernel", "4"))))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("ws-kernel");
    }
}

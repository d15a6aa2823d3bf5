package org.equivariant4j.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.experiment.EpochTraining;
import org.equivariant4j.core.experiment.StepProgress;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.DataLoader;
import org.equivariant4j.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;

/** The lockstep epoch: per-model mean losses in the given order, every step reported, a stop honoured after a step. */
class LockstepEpochTest {
    private static final DataLoader LOADER = DataLoader.builder(new TensorDataset(Tensors.arange(8).reshape(8, 1),
            Tensors.arange(8))).batchSize(2).build();

    private static Map<String, Double> losses(double a, double b) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("a", a);
        out.put("b", b);
        return out;
    }

    @Test
    void meansEveryModelsLossesAndReportsEachStep() {
        List<StepProgress> heard = new ArrayList<>();
        int[] step = {0};
        EpochTraining t = LockstepEpoch.run(3, LOADER, List.of("a", "b"), batch -> {
            step[0]++;
            return losses(step[0], 10 * step[0]);
        }, n -> "loss." + n, heard::add, () -> false);
        assertThat(t.complete()).isTrue();
        assertThat(t.steps()).isEqualTo(4);
        assertThat(t.metrics()).containsExactly(Map.entry("loss.a", 2.5), Map.entry("loss.b", 25.0));
        assertThat(heard).hasSize(4);
        assertThat(heard.get(3).epoch()).isEqualTo(3);
        assertThat(heard.get(3).step()).isEqualTo(4);
        assertThat(heard.get(3).losses()).containsEntry("b", 40.0);
    }

    @Test
    void aStopEndsTheEpochAfterTheCurrentStep() {
        int[] step = {0};
        EpochTraining t = LockstepEpoch.run(0, LOADER, List.of("a", "b"), batch -> {
            step[0]++;
            return losses(step[0], 0);
        }, n -> n, p -> { }, () -> step[0] >= 2);
        assertThat(t.complete()).isFalse();
        assertThat(t.steps()).isEqualTo(2);
        assertThat(t.metrics()).containsEntry("a", 1.5);
    }
}

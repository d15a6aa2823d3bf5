package org.equivariant4j.nn.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.StateDictMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.optim.Optimizer;
import org.equivariant4j.nn.optim.SGD;
import org.junit.jupiter.api.Test;

/** A bound schedule continues from its saved position; without it, it would restart at step 0. */
class ScheduledLearningRateTest {
    private static final LearningRateSchedule SCHEDULE = new LinearWarmup(2, new CosineDecay(1.0, 0.1, 6));

    @Test
    void resumedFromItsStateDictItSetsTheRatesTheUninterruptedOneSets() {
        List<Double> uninterrupted = rates(optimizer(), null, 7);

        Optimizer first = optimizer();
        ScheduledLearningRate before = new ScheduledLearningRate(first, SCHEDULE);
        for (int i = 0; i < 3; i++) {
            before.apply();
        }
        List<Double> resumed = new ArrayList<>(uninterrupted.subList(0, 3));
        resumed.addAll(rates(optimizer(), before.stateDict(), 4));
        assertThat(resumed).isEqualTo(uninterrupted);

        List<Double> restarted = new ArrayList<>(uninterrupted.subList(0, 3));
        restarted.addAll(rates(optimizer(), null, 4));
        assertThat(restarted).as("negative control: restarted without the position").isNotEqualTo(uninterrupted);
    }

    @Test
    void aBadPositionIsRefused() {
        ScheduledLearningRate lr = new ScheduledLearningRate(optimizer(), SCHEDULE);
        assertThatThrownBy(() -> lr.loadStateDict(Map.of(ScheduledLearningRate.STEPS_KEY, Tensors.of(new long[] {-1}))))
                .isInstanceOf(StateDictMismatchException.class).hasMessageContaining("steps: expected a count >= 0 but was -1");
        assertThatThrownBy(() -> lr.loadStateDict(Map.of())).isInstanceOf(StateDictMismatchException.class)
                .hasMessageContaining("missing steps");
        assertThatThrownBy(() -> lr.loadStateDict(Map.of("last_epoch", Tensors.of(new long[] {1}))))
                .isInstanceOf(StateDictMismatchException.class).hasMessageContaining("unexpected [last_epoch]");
    }

    private static Optimizer optimizer() {
        return new SGD(List.of(new Parameter(Tensors.zeros(2))), 1.0);
    }

    /** The rates a schedule bound to {@code optimizer} (at the saved position, or at 0 when null) sets for {@code steps} steps. */
    private static List<Double> rates(Optimizer optimizer, Map<String, org.equivariant4j.core.tensor.Tensor> saved, int steps) {
        ScheduledLearningRate lr = new ScheduledLearningRate(optimizer, SCHEDULE);
        if (saved != null) {
            lr.loadStateDict(saved);
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            lr.apply();
            out.add(optimizer.learningRate());
        }
        return out;
    }
}

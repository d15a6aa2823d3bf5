package org.equivariant4j.nn.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.optim.SGD;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void stepDecayMultipliesByGammaEveryStepSize() {
        StepDecay s = new StepDecay(0.1, 10, 0.5);
        assertThat(s.learningRate(0)).isEqualTo(0.1);
        assertThat(s.learningRate(9)).isEqualTo(0.1);
        assertThat(s.learningRate(10)).isEqualTo(0.05);
        assertThat(s.learningRate(25)).isEqualTo(0.025);
    }

    @Test
    void cosineDecayFollowsHalfACosineThenStaysAtTheMinimum() {
        CosineDecay s = new CosineDecay(1.0, 0.1, 100);
        assertThat(s.learningRate(0)).isEqualTo(1.0);
        assertThat(s.learningRate(50)).isCloseTo(0.55, within(1e-12));
        assertThat(s.learningRate(25)).isCloseTo(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, within(1e-12));
        assertThat(s.learningRate(100)).isEqualTo(0.1);
        assertThat(s.learningRate(1000)).isEqualTo(0.1);
    }

    @Test
    void linearWarmupClimbsToTheFollowingScheduleThenHandsOver() {
        LinearWarmup s = new LinearWarmup(4, new CosineDecay(1.0, 0.0, 10));
        assertThat(s.learningRate(0)).isCloseTo(0.2, within(1e-12));
        assertThat(s.learningRate(3)).isCloseTo(0.8, within(1e-12));
        assertThat(s.learningRate(4)).isEqualTo(1.0);
        assertThat(s.learningRate(9)).isCloseTo(0.5, within(1e-12));
        assertThat(s.learningRate(14)).isEqualTo(0.0);
        LinearWarmup step = new LinearWarmup(1, new StepDecay(0.1, 2, 0.1));
        assertThat(step.learningRate(0)).isCloseTo(0.05, within(1e-12));
        assertThat(step.learningRate(3)).isCloseTo(0.01, within(1e-12));
        assertThat(new LinearWarmup(0, new StepDecay(0.1, 2, 0.1)).learningRate(0)).isEqualTo(0.1);
    }

    @Test
    void appliesToAnOptimiser() {
        SGD sgd = new SGD(List.of(new Parameter(Tensors.zeros(1))), 1.0);
        new StepDecay(0.1, 1, 0.5).apply(sgd, 2);
        assertThat(sgd.learningRate()).isEqualTo(0.025);
    }

    @Test
    void refusesInvalidSettings() {
        assertThatThrownBy(() -> new StepDecay(0.1, 0, 0.5)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new CosineDecay(0.1, 0.2, 10)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("minimum");
        assertThatThrownBy(() -> new LinearWarmup(-1, new StepDecay(0.1, 1, 0.5))).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new StepDecay(0.1, 1, 0.5).learningRate(-1)).isInstanceOf(InvalidArgumentException.class);
    }
}

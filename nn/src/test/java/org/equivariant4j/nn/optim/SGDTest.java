package org.equivariant4j.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.nn.optim.OptimizerFixture.assertSteps;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SGDTest {

    @Test
    void plainStepsAlongTheNegativeGradient() {
        // g1 = c + p0 = [1.5, -3]; p1 = p0 - 0.1 g1 = [0.85, -1.7]; g2 = [1.35, -2.7]; p2 = [0.715, -1.43]
        assertSteps(ps -> new SGD(ps, 0.1), new double[] {0.85, -1.7}, new double[] {0.715, -1.43},
                new double[] {0.5935, -1.187});
    }

    @Test
    void momentumStartsTheBufferAtTheFirstGradient() {
        // b1 = g1 = [1.5, -3]; p1 = [0.85, -1.7]; g2 = [1.35, -2.7]; b2 = 0.9 b1 + g2 = [2.7, -5.4]; p2 = [0.58, -1.16]
        assertSteps(ps -> SGD.builder(ps).learningRate(0.1).momentum(0.9).build(), new double[] {0.85, -1.7},
                new double[] {0.58, -1.16}, new double[] {0.229, -0.458});
    }

    @Test
    void nesterovLooksAheadAlongTheBuffer() {
        // b1 = g1; step g1 + 0.9 b1 = 1.9 g1 = [2.85, -5.7]; p1 = [0.715, -1.43]
        // g2 = [1.215, -2.43]; b2 = 0.9 b1 + g2 = [2.565, -5.13]; step g2 + 0.9 b2 = [3.5235, -7.047]; p2 = [0.36265, -0.7253]
        assertSteps(ps -> SGD.builder(ps).learningRate(0.1).momentum(0.9).nesterov(true).build(), new double[] {0.715, -1.43},
                new double[] {0.36265, -0.7253}, new double[] {-0.0090185, 0.018037});
    }

    @Test
    void weightDecayAndDampeningFollowPyTorch() {
        // g1 = c + p0 + 0.01 p0 = [1.51, -3.02]; b1 = g1; p1 = [0.849, -1.698]
        // g2 = [1.35749, -2.71498]; b2 = 0.9 b1 + 0.9 g2 = [2.580741, -5.161482]; p2 = [0.5909259, -1.1818518]
        assertSteps(ps -> SGD.builder(ps).learningRate(0.1).momentum(0.9).dampening(0.1).weightDecay(0.01).build(),
                new double[] {0.849, -1.698}, new double[] {0.5909259, -1.1818518},
                new double[] {0.25994404568999996, -0.5198880913799999});
    }

    @Test
    void updatesInPlaceOutsideTheGraphAndSkipsParametersWithoutGradients() {
        Parameter used = OptimizerFixture.parameter();
        Parameter unused = OptimizerFixture.parameter();
        Tensor before = used.value();
        SGD sgd = new SGD(List.of(used, unused), 0.1);
        OptimizerFixture.backward(used);
        sgd.step();
        assertThat(used.value()).isSameAs(before);
        assertThat(before.isLeaf()).isTrue();
        assertThat(before.requiresGrad()).isTrue();
        assertThat(unused.value().toDoubleArray()).containsExactly(1, -2);
        sgd.zeroGrad();
        assertThat(used.grad()).isNull();
    }

    @Test
    void refusesInvalidHyperparameters() {
        List<Parameter> ps = List.of(OptimizerFixture.parameter());
        assertThatThrownBy(() -> SGD.builder(ps).nesterov(true).build()).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("SGD: Nesterov momentum needs momentum > 0");
        assertThatThrownBy(() -> new SGD(ps, -1)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new SGD(List.of(), 0.1)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("no parameters");
    }
}

package org.equivariant4j.nn.optim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.nn.optim.OptimizerFixture.assertSteps;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void firstStepsMatchPyTorchsFormula() {
        // t = 1: m = 0.1 g, v = 0.001 g^2, m_hat = g, v_hat = g^2, so p1 = p0 - lr g / (|g| + eps) ~ p0 - 0.1 sign(g)
        // = [1 - 0.1 * 1.5 / (1.5 + 1e-8), -2 + 0.1 * 3 / (3 + 1e-8)] = [0.9000000006666666, -1.9000000003333333]
        assertSteps(ps -> new Adam(ps, 0.1), new double[] {0.9000000006666666, -1.9000000003333333},
                new double[] {0.8002390629683903, -1.8001027077505518}, new double[] {0.7009028715453672, -1.7003815239578244});
    }

    @Test
    void weightDecayIsAddedToTheGradient() {
        // g1 = c + p0 + 0.1 p0 = [1.6, -3.2]; p1 = p0 - 0.1 g1 / (|g1| + 1e-8)
        assertSteps(ps -> Adam.builder(ps).learningRate(0.1).weightDecay(0.1).build(),
                new double[] {0.900000000625, -1.9000000003125}, new double[] {0.8002487733386348, -1.8001064435523881},
                new double[] {0.7009405913211053, -1.7003955906286825});
    }

    @Test
    void refusesInvalidBetas() {
        assertThatThrownBy(() -> Adam.builder(List.of(OptimizerFixture.parameter())).betas(1.0, 0.999).build())
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("Adam: beta1 must be in [0, 1)");
    }
}

package org.equivariant4j.nn.optim;

import static org.equivariant4j.nn.optim.OptimizerFixture.assertSteps;

import org.junit.jupiter.api.Test;

class AdamWTest {

    @Test
    void decaysTheWeightsBeforeAPlainAdamStep() {
        // p0 (1 - lr wd) = [0.99, -1.98]; the Adam step uses g1 = c + p0 = [1.5, -3] without decay:
        // p1 = [0.99 - 0.1 * 1.5 / (1.5 + 1e-8), -1.98 + 0.1 * 3 / (3 + 1e-8)] = [0.8900000006666666, -1.8800000003333333]
        assertSteps(ps -> AdamW.builder(ps).learningRate(0.1).weightDecay(0.1).build(),
                new double[] {0.8900000006666666, -1.8800000003333333}, new double[] {0.7813706462795685, -1.7613271886465631},
                new double[] {0.6743071523449007, -1.6440586057000908});
    }

    @Test
    void withoutDecayEqualsAdam() {
        assertSteps(ps -> AdamW.builder(ps).learningRate(0.1).weightDecay(0).build(),
                new double[] {0.9000000006666666, -1.9000000003333333}, new double[] {0.8002390629683903, -1.8001027077505518});
    }
}

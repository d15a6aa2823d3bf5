package org.equivariant4j.ssl.cutinit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.optim.SGD;
import org.equivariant4j.ssl.loss.NtXentLoss;
import org.equivariant4j.ssl.monitor.EmbeddingNorms;
import org.junit.jupiter.api.Test;

/**
 * The paper's norm-growth argument on free embeddings: the cosine loss is invariant to each row's scale, so its
 * gradient is orthogonal to the row, and a plain SGD step z -> z - lr g gives ||z'||² = ||z||² + lr² ||g||²: every step
 * grows every norm, by exactly that much. Weight decay is what can shrink them (the negative control).
 */
class NormGrowthTest {

    private static double[] rowNormsSquared(Tensor z) {
        return z.pow(2).sum(1, false).toDoubleArray();
    }

    private static Parameter embeddings() {
        return new Parameter(Tensors.randn(new Rng(11), DType.FLOAT64, 16, 8));
    }

    @Test
    void everySgdStepOnTheCosineLossGrowsEveryNormByLrSquaredTimesTheGradientSquared() {
        Parameter z = embeddings();
        double lr = 2.0;
        SGD sgd = SGD.builder(List.of(z)).learningRate(lr).build();
        NtXentLoss loss = new NtXentLoss(0.5);
        double start = EmbeddingNorms.mean(z.value());
        for (int step = 0; step < 30; step++) {
            double[] before = rowNormsSquared(z.value());
            sgd.zeroGrad();
            loss.compute(z.value().narrow(0, 0, 8), z.value().narrow(0, 8, 8)).backward();
            double[] g2 = rowNormsSquared(z.grad());
            // orthogonality: <z_n, g_n> = 0 for every row
            assertThat(z.value().mul(z.grad()).sum(1, false).abs().max().item()).isLessThan(1e-12);
            sgd.step();
            double[] after = rowNormsSquared(z.value());
            for (int n = 0; n < before.length; n++) {
                assertThat(after[n]).as("step %d row %d", step, n).isCloseTo(before[n] + lr * lr * g2[n], within(1e-9));
                assertThat(after[n]).isGreaterThanOrEqualTo(before[n]);
            }
        }
        // real growth, far above rounding (relative 1e-15 per step): at least 1e-6 relative over the 30 steps
        assertThat(EmbeddingNorms.mean(z.value())).isGreaterThan(start * (1 + 1e-6));
    }

    @Test
    void weightDecayIsWhatShrinksThem() {
        Parameter z = embeddings();
        SGD sgd = SGD.builder(List.of(z)).learningRate(2.0).weightDecay(0.05).build();
        NtXentLoss loss = new NtXentLoss(0.5);
        double start = EmbeddingNorms.mean(z.value());
        for (int step = 0; step < 30; step++) {
            sgd.zeroGrad();
            loss.compute(z.value().narrow(0, 0, 8), z.value().narrow(0, 8, 8)).backward();
            sgd.step();
        }
        assertThat(EmbeddingNorms.mean(z.value())).isLessThan(start);
    }
}

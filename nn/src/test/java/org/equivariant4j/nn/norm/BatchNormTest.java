package org.equivariant4j.nn.norm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class BatchNormTest {
    /** Channel 0: 1, 2, 3, 6 (mean 3, population var 3.5, unbiased 14/3); channel 1: 0, 0, 4, 4 (mean 2, var 4, unbiased 16/3). */
    private static final Tensor X = Tensors.of(new double[] {1, 0, 2, 0, 3, 4, 6, 4}, DType.FLOAT64, 4, 2);

    private static BatchNorm float64(int channels) {
        return new BatchNorm(channels, 1e-5, 0.1, true, DType.FLOAT64);
    }

    @Test
    void trainingNormalisesWithBatchStatisticsAndTracksRunningOnes() {
        BatchNorm bn = float64(2);
        double[] y = bn.forward(X).toDoubleArray();
        double s0 = Math.sqrt(3.5 + 1e-5);
        double s1 = Math.sqrt(4 + 1e-5);
        assertThat(y).containsExactly(new double[] {-2 / s0, -2 / s1, -1 / s0, -2 / s1, 0, 2 / s1, 3 / s0, 2 / s1},
                within(1e-12));
        // running = 0.9 * initial + 0.1 * batch, with the unbiased variance
        assertThat(bn.runningMean().toDoubleArray()).containsExactly(new double[] {0.3, 0.2}, within(1e-12));
        assertThat(bn.runningVar().toDoubleArray()).containsExactly(new double[] {0.9 + 0.1 * 14 / 3, 0.9 + 0.1 * 16 / 3},
                within(1e-12));
        assertThat(bn.batchesTracked()).isEqualTo(1);
        bn.forward(X);
        assertThat(bn.runningMean().toDoubleArray()).containsExactly(new double[] {0.57, 0.38}, within(1e-12));
        assertThat(bn.batchesTracked()).isEqualTo(2);
    }

    @Test
    void evaluationUsesTheRunningStatisticsAndLeavesThemAlone() {
        BatchNorm bn = float64(2);
        bn.forward(X);
        double[] mean = bn.runningMean().toDoubleArray();
        double[] var = bn.runningVar().toDoubleArray();
        bn.eval();
        Tensor single = Tensors.of(new double[] {1, 1}, DType.FLOAT64, 1, 2);
        double[] y = bn.forward(single).toDoubleArray();
        assertThat(y).containsExactly(new double[] {(1 - mean[0]) / Math.sqrt(var[0] + 1e-5), (1 - mean[1]) / Math.sqrt(var[1] + 1e-5)},
                within(1e-12));
        assertThat(bn.runningMean().toDoubleArray()).containsExactly(mean);
        assertThat(bn.batchesTracked()).isEqualTo(1);
    }

    @Test
    void normalisesEachChannelOverBatchAndSpatialDimensions() {
        BatchNorm bn = new BatchNorm(3);
        Tensor x = Tensors.randn(new Rng(1), 4, 3, 5, 5).mul(3).add(7);
        Tensor y = bn.forward(x);
        assertThat(y.shape()).containsExactly(4, 3, 5, 5);
        assertAllClose(y.mean(new int[] {0, 2, 3}, false).toFloatArray(), 0, 1e-4);
        assertAllClose(y.var(new int[] {0, 2, 3}, false).toFloatArray(), 1, 1e-3);
    }

    @Test
    void runningStatisticsAreBuffersInTheStateDictWithPyTorchNames() {
        BatchNorm bn = new BatchNorm(4);
        assertThat(bn.namedParameters()).containsOnlyKeys("weight", "bias");
        assertThat(bn.stateDict()).containsOnlyKeys("weight", "bias", "running_mean", "running_var", "num_batches_tracked");
        assertThat(bn.stateDict().get("num_batches_tracked").dtype()).isEqualTo(DType.INT64);
        assertThat(bn.stateDict().get("running_var").toFloatArray()).containsOnly(1f);
    }

    @Test
    void runningStatisticsDoNotReceiveGradients() {
        BatchNorm bn = float64(2);
        Tensor x = X.detach().requiresGrad(true);
        bn.forward(x).pow(2).sum().backward();
        assertThat(bn.runningMean().requiresGrad()).isFalse();
        assertThat(x.grad()).isNotNull();
    }

    @Test
    void aWrongChannelCountNamesTheLayerAndBothShapes() {
        assertThatThrownBy(() -> new BatchNorm(16).forward(Tensors.zeros(32, 15))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("BatchNorm(16): expected input [N, 16, *] but was [32, 15]");
    }

    @Test
    void trainingRefusesASingleValuePerChannel() {
        assertThatThrownBy(() -> new BatchNorm(2).forward(Tensors.zeros(1, 2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("more than 1 value per channel");
        BatchNorm bn = new BatchNorm(2);
        bn.eval();
        assertThat(bn.forward(Tensors.zeros(1, 2)).shape()).containsExactly(1, 2);
    }

    private static void assertAllClose(double[] values, double target, double tolerance) {
        for (double v : values) {
            assertThat(v).isCloseTo(target, within(tolerance));
        }
    }

    private static void assertAllClose(float[] values, double target, double tolerance) {
        for (float v : values) {
            assertThat((double) v).isCloseTo(target, within(tolerance));
        }
    }
}

package org.equivariant4j.gconv.se3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;

/** The re-estimate is the plain average of the batch statistics, whatever the running statistics were before. */
class BatchNormRecalibrationTest {

    @Test
    void runningStatisticsBecomeTheAverageOfTheBatchStatisticsWhateverTheyWere() {
        int batch = 4;
        int batches = 3;
        Tensor features = Tensors.randn(new Rng(7), 16, 2, 5).to(DType.FLOAT64).mul(3.0).add(1.5);
        BatchNorm norm = new BatchNorm(2, 1e-5, 0.1, true, DType.FLOAT64);
        norm.train();
        norm.forward(features.narrow(0, 12, 4)); // leaves running statistics and a counter of 1 behind
        BatchNormRecalibration recalibration = new BatchNormRecalibration(features, batch, batches);

        recalibration.apply(norm, norm::forward);

        double[] x = features.toDoubleArray();
        for (int c = 0; c < 2; c++) {
            double meanSum = 0;
            double varSum = 0;
            for (int b = 0; b < batches; b++) {
                double s = 0;
                double s2 = 0;
                int n = 0;
                for (int i = b * batch; i < (b + 1) * batch; i++) {
                    for (int k = 0; k < 5; k++) {
                        double v = x[(i * 2 + c) * 5 + k];
                        s += v;
                        s2 += v * v;
                        n++;
                    }
                }
                double mean = s / n;
                meanSum += mean;
                varSum += (s2 - n * mean * mean) / (n - 1);
            }
            assertThat(norm.runningMean().toDoubleArray()[c]).as("channel %d mean", c).isCloseTo(meanSum / batches, within(1e-9));
            assertThat(norm.runningVar().toDoubleArray()[c]).as("channel %d variance", c).isCloseTo(varSum / batches, within(1e-9));
        }
        assertThat(norm.batchesTracked()).as("counter left as training left it").isEqualTo(1);
        assertThat(norm.isTraining()).isFalse();

        double[] once = norm.runningMean().toDoubleArray();
        recalibration.apply(norm, norm::forward);
        assertThat(norm.runningMean().toDoubleArray()).as("a second re-estimate on the same weights").containsExactly(once);
    }
}

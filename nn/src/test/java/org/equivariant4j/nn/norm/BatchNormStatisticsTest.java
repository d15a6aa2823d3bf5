package org.equivariant4j.nn.norm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.nn.equivariant.EquivariantBatchNorm;
import org.equivariant4j.nn.layer.Sequential;
import org.junit.jupiter.api.Test;

/** {@link BatchNormStatistics#reestimate}: the plain average of the batch statistics, whatever training left. */
class BatchNormStatisticsTest {

    private static List<Tensor> batches(long seed, int count, int... shape) {
        List<Tensor> out = new ArrayList<>();
        Rng rng = new Rng(seed);
        for (int b = 0; b < count; b++) {
            out.add(Tensors.randn(rng, DType.FLOAT64, shape).mul(1 + b).add(b));
        }
        return out;
    }

    @Test
    void theRunningStatisticsBecomeThePlainAverageOfTheBatchStatisticsWhateverCameBefore() {
        BatchNorm bn = new BatchNorm(3, 1e-5, 0.1, true, DType.FLOAT64);
        List<Tensor> data = batches(1, 4, 8, 3, 5);
        Sequential model = new Sequential(bn);
        for (Tensor warm : batches(2, 7, 8, 3, 5)) {
            model.forward(warm.mul(10)); // statistics far from the data's
        }
        model.eval();
        assertThat(BatchNormStatistics.reestimate(model, data.size(), b -> model.forward(data.get(b)))).isEqualTo(1);
        assertThat(model.isTraining()).as("mode restored").isFalse();
        double[] mean = new double[3];
        double[] var = new double[3];
        for (Tensor x : data) {
            double[] m = x.mean(new int[] {0, 2}, false).toDoubleArray();
            double[] v = x.var(new int[] {0, 2}, false).mul(40.0 / 39).toDoubleArray();
            for (int c = 0; c < 3; c++) {
                mean[c] += m[c] / data.size();
                var[c] += v[c] / data.size();
            }
        }
        assertThat(bn.runningMean().toDoubleArray()).containsExactly(mean, offset(1e-12));
        assertThat(bn.runningVar().toDoubleArray()).containsExactly(var, offset(1e-12));
        assertThat(bn.batchesTracked()).isEqualTo(4);
        // Twice gives the same: the result depends on the weights and data only.
        BatchNormStatistics.reestimate(model, data.size(), b -> model.forward(data.get(b)));
        assertThat(bn.runningMean().toDoubleArray()).containsExactly(mean, offset(1e-12));
    }

    @Test
    void equivariantBatchNormIsReestimatedTooAndTrainingThenUsesItsMomentumAgain() {
        CyclicGroup c4 = CyclicGroup.of(4);
        FieldType type = FieldType.of(Domain.grid(2), Representation.regular(c4));
        EquivariantBatchNorm bn = (EquivariantBatchNorm) new EquivariantBatchNorm(type, 0.5).to(DType.FLOAT64);
        assertThat(bn.momentum()).isEqualTo(0.5);
        List<Tensor> data = batches(3, 3, 4, 4, 3, 3);
        BatchNormStatistics.reestimate(bn, data.size(), b -> bn.forward(GeometricTensor.of(data.get(b), type)));
        double expected = 0;
        for (Tensor x : data) {
            expected += x.mean().item() / data.size();
        }
        Tensor reestimated = bn.stateDict().get("running_mean");
        assertThat(reestimated.item()).isCloseTo(expected, offset(1e-12));
        // Back to momentum 0.5 for training: one more batch moves the mean halfway to its statistics.
        bn.train();
        Tensor next = data.get(0).add(100);
        bn.forward(GeometricTensor.of(next, type));
        assertThat(bn.stateDict().get("running_mean").item()).isCloseTo(0.5 * expected + 0.5 * next.mean().item(), offset(1e-9));
    }

    @Test
    void aMomentumOutsideZeroToOneIsRefusedNamingTheLayer() {
        assertThatThrownBy(() -> new BatchNorm(3, 1e-5, 1.5, true, DType.FLOAT32)).isInstanceOf(Equivariant4jException.class)
                .hasMessageContaining("BatchNorm(3): expected a momentum in [0, 1] but was 1.5");
    }
}

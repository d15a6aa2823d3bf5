package org.equivariant4j.nn.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;

class InitializerTest {
    private static final int[] SHAPE = {256, 512};
    private static final Fan FAN = Fan.of(SHAPE);

    @Test
    void fansFollowPyTorchForLinearAndConvolutionWeights() {
        assertThat(Fan.of(10, 20)).isEqualTo(new Fan(20, 10));
        assertThat(Fan.of(8, 4, 3, 3)).isEqualTo(new Fan(36, 72));
        assertThatThrownBy(() -> Fan.of(5)).isInstanceOf(InvalidArgumentException.class).hasMessageContaining("[5]");
    }

    @Test
    void kaimingUniformStaysWithinItsBoundWithTheExpectedSpread() {
        double[] v = new KaimingUniform().sample(SHAPE, FAN, DType.FLOAT64, new Rng(1)).toDoubleArray();
        double bound = Math.sqrt(2) * Math.sqrt(3.0 / 512);
        assertThat(max(v)).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
        assertThat(std(v)).isCloseTo(Math.sqrt(2.0 / 512), within(0.02 * Math.sqrt(2.0 / 512)));
    }

    @Test
    void kaimingNormalHasStandardDeviationGainOverRootFan() {
        double[] v = new KaimingNormal().sample(SHAPE, FAN, DType.FLOAT64, new Rng(2)).toDoubleArray();
        assertThat(mean(v)).isCloseTo(0, within(0.002));
        assertThat(std(v)).isCloseTo(Math.sqrt(2.0 / 512), within(0.02 * Math.sqrt(2.0 / 512)));
        double[] out = new KaimingNormal(1.0, FanMode.FAN_OUT).sample(SHAPE, FAN, DType.FLOAT64, new Rng(2)).toDoubleArray();
        assertThat(std(out)).isCloseTo(1 / Math.sqrt(256), within(0.02 / Math.sqrt(256)));
    }

    @Test
    void xavierUsesBothFans() {
        double[] u = new XavierUniform().sample(SHAPE, FAN, DType.FLOAT64, new Rng(3)).toDoubleArray();
        double bound = Math.sqrt(6.0 / (256 + 512));
        assertThat(max(u)).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
        double[] n = new XavierNormal(Gain.tanh()).sample(SHAPE, FAN, DType.FLOAT64, new Rng(4)).toDoubleArray();
        double std = 5.0 / 3.0 * Math.sqrt(2.0 / (256 + 512));
        assertThat(std(n)).isCloseTo(std, within(0.02 * std));
    }

    @Test
    void linearDefaultIsUniformOverOneOverRootFanIn() {
        double[] v = new LinearDefault().sample(new int[] {512}, FAN, DType.FLOAT64, new Rng(5)).toDoubleArray();
        double bound = 1 / Math.sqrt(512);
        assertThat(max(v)).isLessThanOrEqualTo(bound).isGreaterThan(0.95 * bound);
        assertThat(std(v)).isCloseTo(bound / Math.sqrt(3), within(0.1 * bound));
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        Initializer init = new KaimingUniform();
        float[] a = init.sample(new int[] {8, 4}, Fan.of(8, 4), DType.FLOAT32, new Rng(7)).toFloatArray();
        float[] b = init.sample(new int[] {8, 4}, Fan.of(8, 4), DType.FLOAT32, new Rng(7)).toFloatArray();
        float[] c = init.sample(new int[] {8, 4}, Fan.of(8, 4), DType.FLOAT32, new Rng(8)).toFloatArray();
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void zerosAreZero() {
        assertThat(new Zeros().sample(new int[] {3}, Fan.of(3, 2), DType.FLOAT32, new Rng(0)).toFloatArray())
                .containsExactly(0f, 0f, 0f);
    }

    @Test
    void gainsMatchPyTorch() {
        assertThat(Gain.relu()).isEqualTo(Math.sqrt(2));
        assertThat(Gain.leakyRelu(Math.sqrt(5))).isCloseTo(Math.sqrt(1.0 / 3), within(1e-15));
        assertThat(Gain.tanh()).isEqualTo(5.0 / 3);
        assertThat(Gain.linear()).isEqualTo(1.0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).map(Math::abs).max().orElseThrow();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElseThrow());
    }
}

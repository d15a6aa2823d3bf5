package org.equivariant4j.ssl.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

class NtXentLossTest {

    @Test
    void aHandComputedValue() {
        // Two images in 2D: views at angles 0 and 90° (image 0), 180° and 180° (image 1), with norms 2, 1, 3, 0.5.
        Tensor z1 = Tensors.of(new double[] {2, 0, -3, 0}, DType.FLOAT64, 2, 2);
        Tensor z2 = Tensors.of(new double[] {0, 1, -0.5, 0}, DType.FLOAT64, 2, 2);
        double t = 0.5;
        // Unit rows u0=(1,0), u1=(-1,0), u2=(0,1), u3=(-1,0); positives 0<->2, 1<->3.
        double[][] u = {{1, 0}, {-1, 0}, {0, 1}, {-1, 0}};
        int[] pos = {2, 3, 0, 1};
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double denom = 0;
            for (int j = 0; j < 4; j++) {
                if (j != i) {
                    denom += Math.exp((u[i][0] * u[j][0] + u[i][1] * u[j][1]) / t);
                }
            }
            double positive = (u[i][0] * u[pos[i]][0] + u[i][1] * u[pos[i]][1]) / t;
            expected += -(positive - Math.log(denom)) / 4;
        }
        assertThat(new NtXentLoss(t).compute(z1, z2).item()).isCloseTo(expected, within(1e-12));
        // Row 1 and 3 are identical directions: -log(e^2 / (e^2 + e^-2 + e^0)) = 0.1429...; spelled out as a second check.
        double row1 = -Math.log(Math.exp(2) / (Math.exp(-2) + Math.exp(0) + Math.exp(2)));
        assertThat(row1).isCloseTo(0.1429316, within(1e-6));
    }

    @Test
    void perfectlyAlignedViewsOfSpreadImagesGiveALowLossAndShuffledViewsAHighOne() {
        Tensor z = Tensors.randn(new Rng(3), DType.FLOAT64, 8, 16);
        NtXentLoss loss = new NtXentLoss(0.1);
        double aligned = loss.compute(z, z.mul(2)).item();
        double shuffled = loss.compute(z, z.roll(1, 0)).item();
        assertThat(aligned).isLessThan(0.5);
        assertThat(shuffled).isGreaterThan(aligned + 3);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Tensor z1 = Tensors.randn(new Rng(1), DType.FLOAT64, 3, 4);
        Tensor z2 = Tensors.randn(new Rng(2), DType.FLOAT64, 3, 4);
        NtXentLoss loss = new NtXentLoss(0.5);
        GradientCheck.of("NtXentLoss", in -> loss.compute(in[0], in[1]), z1, z2).assertCorrect();
    }

    @Test
    void cosineSimilarityGradientMatchesFiniteDifferences() {
        Tensor a = Tensors.randn(new Rng(4), DType.FLOAT64, 3, 5);
        Tensor b = Tensors.randn(new Rng(5), DType.FLOAT64, 3, 5);
        GradientCheck.of("Cosine.similarity", in -> Cosine.similarity(in[0], in[1]), a, b).assertCorrect();
        assertThat(Cosine.similarity(a, a.mul(3)).toDoubleArray()).containsExactly(new double[] {1, 1, 1}, within(1e-12));
        assertThat(Cosine.similarity(a, a.neg()).toDoubleArray()).containsExactly(new double[] {-1, -1, -1}, within(1e-12));
    }

    @Test
    void viewsOfDifferentShapesOrASingleRowAreRefused() {
        NtXentLoss loss = new NtXentLoss(0.5);
        assertThatThrownBy(() -> loss.compute(Tensors.zeros(DType.FLOAT64, 2, 3), Tensors.zeros(DType.FLOAT64, 2, 4)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("NtXentLoss");
        assertThatThrownBy(() -> loss.compute(Tensors.zeros(DType.FLOAT64, 1, 3), Tensors.zeros(DType.FLOAT64, 1, 3)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("N >= 2");
    }
}

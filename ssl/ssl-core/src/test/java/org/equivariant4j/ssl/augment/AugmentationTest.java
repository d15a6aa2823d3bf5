package org.equivariant4j.ssl.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final int N = 4;
    private static final int S = 16;

    private static Tensor images(long seed) {
        return Tensors.uniform(new Rng(seed), 0, 1, DType.FLOAT64, N, 2, S, S);
    }

    /** Image n: 1 at (row, col), 0 elsewhere. */
    private static Tensor dot(int row, int col) {
        double[] d = new double[N * S * S];
        for (int n = 0; n < N; n++) {
            d[n * S * S + row * S + col] = 1;
        }
        return Tensors.of(d, DType.FLOAT64, N, 1, S, S);
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    private static double maxAbsDiff(Tensor a, Tensor b) {
        return a.sub(b).abs().max().item();
    }

    @Test
    void theSameSeedGivesTheSameViewsAndAnotherSeedOthers() {
        AugmentationPipeline pipeline = AugmentationPipeline.standard(0.35, 30, 0.05);
        Tensor x = images(1);
        TwoViews a = pipeline.twoViews(x, new Rng(7));
        TwoViews b = pipeline.twoViews(x, new Rng(7));
        TwoViews c = pipeline.twoViews(x, new Rng(8));
        assertThat(a.first().shape()).containsExactly(N, 2, S, S);
        assertThat(a.second().shape()).containsExactly(N, 2, S, S);
        assertThat(a.first().toDoubleArray()).containsExactly(b.first().toDoubleArray());
        assertThat(a.second().toDoubleArray()).containsExactly(b.second().toDoubleArray());
        assertThat(maxAbsDiff(a.first(), a.second())).as("the two views differ").isGreaterThan(0.1);
        assertThat(maxAbsDiff(a.first(), c.first())).as("another seed, other views").isGreaterThan(0.1);
        assertThat(a.first().dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void theFloat32PipelineKeepsItsDtype() {
        Tensor x = images(2).to(DType.FLOAT32);
        assertThat(AugmentationPipeline.standard(0.5, 15, 0.1).apply(x, new Rng(1)).dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void fullScaleCropAndZeroRotationAreTheIdentity() {
        Tensor x = images(3);
        assertThat(maxAbsDiff(new RandomResizedCrop(1, 1, 1).apply(x, new Rng(1)), x)).isLessThan(1e-9);
        assertThat(maxAbsDiff(new RandomRotation(0).apply(x, new Rng(1)), x)).isLessThan(1e-9);
    }

    @Test
    void aQuarterAreaCropZoomsByTwo() {
        // A horizontal ramp: value = column index. A crop of half the width resized to the full width halves the slope.
        double[] ramp = new double[N * S * S];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i % S;
        }
        Tensor x = Tensors.of(ramp, DType.FLOAT64, N, 1, S, S);
        Tensor y = new RandomResizedCrop(0.25, 0.25, 1).apply(x, new Rng(5));
        // Interior slope (columns 2..13 avoid the border's zero padding).
        double slope = y.narrow(3, 3, 1).sub(y.narrow(3, 2, 1)).mean().item();
        assertThat(slope).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void flipMirrorsEveryImageAtPOneAndNoneAtPZero() {
        Tensor x = images(4);
        assertThat(maxAbsDiff(new RandomFlip(1).apply(x, new Rng(1)), x.flip(3))).isZero();
        assertThat(maxAbsDiff(new RandomFlip(0).apply(x, new Rng(1)), x)).isZero();
        Tensor half = new RandomFlip(0.5).apply(images(5).narrow(0, 0, 1).expand(64, 2, S, S), new Rng(3));
        Tensor orig = images(5).narrow(0, 0, 1);
        int flipped = 0;
        for (int n = 0; n < 64; n++) {
            flipped += maxAbsDiff(half.narrow(0, n, 1), orig) > 0 ? 1 : 0;
        }
        assertThat(flipped).as("about half of 64 mirrored").isBetween(20, 44);
    }

    @Test
    void rotationKeepsADotsDistanceFromTheCentre() {
        // The centre of a 16-pixel side is at 7.5; a dot at (7.5 - 0.5, 7.5 + 4.5) is 4.53 pixels from it.
        Tensor x = dot(7, 12);
        Tensor y = new RandomRotation(180).apply(x, new Rng(11));
        double[] v = y.toDoubleArray();
        for (int n = 0; n < N; n++) {
            double mass = 0;
            double r = 0;
            double c = 0;
            for (int p = 0; p < S * S; p++) {
                double w = v[n * S * S + p];
                mass += w;
                r += w * (p / S);
                c += w * (p % S);
            }
            double radius = Math.hypot(r / mass - 7.5, c / mass - 7.5);
            assertThat(mass).as("image %d: bilinear rotation keeps the dot's mass", n).isCloseTo(1, within(0.05));
            assertThat(radius).as("image %d", n).isCloseTo(Math.hypot(0.5, 4.5), within(0.2));
        }
        assertThat(maxAbsDiff(y, x)).as("the dot moved").isGreaterThan(0.5);
    }

    @Test
    void contrastKeepsEachImagesMeanAndScalesItsSpreadWithinTheRange() {
        Tensor x = images(6);
        Tensor y = new ColorJitter(0, 0.4).apply(x, new Rng(2));
        int[] dims = {1, 2, 3};
        assertThat(maxAbsDiff(y.mean(dims, false), x.mean(dims, false))).isLessThan(1e-12);
        double[] ratio = y.var(dims, false).sqrt().div(x.var(dims, false).sqrt()).toDoubleArray();
        assertThat(boxed(ratio)).allSatisfy(r -> assertThat(r).isBetween(0.6, 1.4));
        assertThat(boxed(ratio)).as("not the identity").anySatisfy(r -> assertThat(Math.abs(r - 1)).isGreaterThan(0.01));
    }

    @Test
    void brightnessScalesEachImageByOneFactor() {
        Tensor x = images(7).add(0.1);
        Tensor factor = new ColorJitter(0.3, 0).apply(x, new Rng(3)).div(x);
        int[] dims = {1, 2, 3};
        assertThat(factor.max(1, false).max(1, false).max(1, false).sub(factor.min(1, false).min(1, false).min(1, false))
                .abs().max().item()).isLessThan(1e-12);
        assertThat(boxed(factor.mean(dims, false).toDoubleArray())).allSatisfy(f -> assertThat(f).isBetween(0.7, 1.3));
    }

    @Test
    void blurSpreadsADotKeepingItsMassAndPZeroIsTheIdentity() {
        Tensor x = dot(8, 8);
        Tensor y = new GaussianBlur(5, 1.0, 1.0, 1).apply(x, new Rng(1));
        assertThat(boxed(y.sum(new int[] {1, 2, 3}, false).toDoubleArray())).allSatisfy(m -> assertThat(m).isCloseTo(1, within(1e-9)));
        // sigma 1: centre weight 1 / sum over the 5x5 window of exp(-d²/2) = 0.1621
        assertThat(y.max().item()).isCloseTo(0.1621, within(1e-3));
        assertThat(maxAbsDiff(new GaussianBlur(5, 0.5, 2, 0).apply(images(8), new Rng(1)), images(8))).isLessThan(1e-12);
    }

    @Test
    void noiseHasTheDeclaredDeviation() {
        Tensor x = images(9);
        Tensor d = new GaussianNoise(0.2).apply(x, new Rng(4)).sub(x);
        // 2,048 draws: the sample deviation is within 5 % of 0.2 with overwhelming probability (sd of the estimate ~1.6 %).
        assertThat(d.var(new int[] {0, 1, 2, 3}, false).sqrt().item()).isCloseTo(0.2, within(0.01));
        assertThat(Math.abs(d.mean().item())).isLessThan(0.02);
    }

    @Test
    void aBatchThatIsNoImageBatchIsRefusedNamingTheTransform() {
        Tensor flat = Tensors.zeros(DType.FLOAT64, 4, 16);
        for (Augmentation a : List.of(new RandomFlip(0.5), new RandomRotation(10), new RandomResizedCrop(0.5, 1, 1),
                new ColorJitter(0.1, 0.1), new GaussianBlur(3, 0.5, 1, 1), new GaussianNoise(0.1))) {
            assertThatThrownBy(() -> a.apply(flat, new Rng(1))).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining(a.toString()).hasMessageContaining("[N, C, H, W]");
        }
    }
}

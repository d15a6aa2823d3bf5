package org.equivariant4j.ssl.invariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.regular.experiment.GroupCnn;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.junit.jupiter.api.Test;

/** The three metrics on models invariant by construction, on models that are not, and at their edges. */
class InvarianceCheckerTest {
    private static final int SIZE = 8;
    private static final FiniteGroup C4 = CyclicGroup.of(4);
    private static final OrbitAction ON_IMAGES = OrbitAction.onFlattenedImages(C4, SIZE);

    private static Tensor images(DType dtype, int n, long seed) {
        return Tensors.randn(new Rng(seed), DType.FLOAT64, n, SIZE * SIZE).to(dtype);
    }

    @Test
    void aGroupCnnWithGroupPoolingScoresPerfectlyInBothDTypes() {
        for (FiniteGroup group : List.of(C4, DihedralGroup.of(4))) {
            GroupCnn net = TestModels.evaluating(new GroupCnn(group, SIZE, 2, 5, new Rng(3)));
            for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
                net.to(dtype);
                OrbitAction action = OrbitAction.onFlattenedImages(group, SIZE);
                InvarianceReport report = InvarianceChecker.of("GroupCnn(" + group.name() + ")", net, net::forward, action)
                        .measure(images(dtype, 6, 7));
                assertThat(report.passes(InvarianceTolerance.defaultFor(dtype))).as(report.describe()).isTrue();
                assertThat(report.elements()).hasSize(group.order()).allSatisfy(e -> assertThat(e.agreement()).isEqualTo(1.0));
            }
        }
    }

    @Test
    void anOrbitAveragedCnnScoresPerfectly() {
        GroupCnn cnn = TestModels.evaluating(new GroupCnn(CyclicGroup.of(1), SIZE, 3, 5, new Rng(4)));
        cnn.to(DType.FLOAT64);
        UnaryOperator<Tensor> averaged = TestModels.orbitAverage(cnn::forward, ON_IMAGES);
        InvarianceReport report = InvarianceChecker.of("orbit-averaged CNN", cnn, averaged, ON_IMAGES)
                .measure(images(DType.FLOAT64, 5, 8));
        assertThat(report.passes(InvarianceTolerance.defaultFor(DType.FLOAT64))).as(report.describe()).isTrue();
    }

    /**
     * A plain CNN is not invariant: every metric is far from its ideal for every rotation (margins of orders of
     * magnitude over the bounds), while the identity scores perfectly.
     */
    @Test
    void aPlainCnnFailsEveryMetricAndTheIdentityScoresPerfectly() {
        GroupCnn cnn = TestModels.evaluating(new GroupCnn(CyclicGroup.of(1), SIZE, 3, 5, new Rng(4)));
        cnn.to(DType.FLOAT64);
        InvarianceReport report = InvarianceChecker.of("CNN", cnn, cnn::forward, ON_IMAGES).measure(images(DType.FLOAT64, 16, 9));
        assertThat(report.failures(InvarianceTolerance.defaultFor(DType.FLOAT64))).hasSize(3);
        ElementInvariance identity = report.of(C4.identity()).orElseThrow();
        assertThat(identity.jsMean()).as("JS of equal logits, up to the rounding of its sum").isCloseTo(0.0, within(1e-15));
        assertThat(identity.logitDistance()).isEqualTo(0.0);
        assertThat(identity.saliencySimilarity()).isCloseTo(1.0, within(1e-12));
        for (var g : ON_IMAGES.nonIdentityElements()) {
            ElementInvariance e = report.of(g).orElseThrow();
            assertThat(e.logitDistance()).as(e.describe()).isGreaterThan(0.1);
            assertThat(e.jsMean()).as(e.describe()).isGreaterThan(1e-5);
            assertThat(e.saliencySimilarity()).as(e.describe()).isLessThan(0.9);
        }
    }

    /**
     * The float64 bound's negative control: an invariant model plus ε times a non-invariant one. At ε = 1e-7 the logit
     * distance is about 1e-8 (hundred times the bound of 1e-10) and the check fails; at ε = 0 it passes.
     */
    @Test
    void aSmallNonInvariantTermFailsTheFloat64Bound() {
        GroupCnn cnn = TestModels.evaluating(new GroupCnn(CyclicGroup.of(1), SIZE, 3, 5, new Rng(4)));
        cnn.to(DType.FLOAT64);
        UnaryOperator<Tensor> averaged = TestModels.orbitAverage(cnn::forward, ON_IMAGES);
        InvarianceTolerance bound = InvarianceTolerance.defaultFor(DType.FLOAT64);
        Tensor x = images(DType.FLOAT64, 5, 8);
        InvarianceReport broken = InvarianceChecker.of("averaged + 1e-7 CNN", cnn, TestModels.plus(averaged, 1e-7, cnn::forward),
                ON_IMAGES).measure(x);
        assertThat(broken.passes(bound)).as(broken.describe()).isFalse();
        assertThat(broken.meanLogitDistance()).isGreaterThan(100 * bound.maxLogitDistance());
    }

    /**
     * The float32 bound's negative control, the same construction run in float32: at ε = 1e-2 the logit distance is
     * far above the bound of 1e-4 and the check fails; the invariant model alone passes.
     */
    @Test
    void aSmallNonInvariantTermFailsTheFloat32Bound() {
        GroupCnn cnn = TestModels.evaluating(new GroupCnn(CyclicGroup.of(1), SIZE, 3, 5, new Rng(4)));
        UnaryOperator<Tensor> averaged = TestModels.orbitAverage(cnn::forward, ON_IMAGES);
        InvarianceTolerance bound = InvarianceTolerance.defaultFor(DType.FLOAT32);
        Tensor x = images(DType.FLOAT32, 5, 8);
        InvarianceReport clean = InvarianceChecker.of("averaged CNN", cnn, averaged, ON_IMAGES).measure(x);
        assertThat(clean.passes(bound)).as(clean.describe()).isTrue();
        InvarianceReport broken = InvarianceChecker.of("averaged + 1e-2 CNN", cnn, TestModels.plus(averaged, 1e-2, cnn::forward),
                ON_IMAGES).measure(x);
        assertThat(broken.passes(bound)).as(broken.describe()).isFalse();
        assertThat(broken.meanLogitDistance()).isGreaterThan(10 * bound.maxLogitDistance());
    }

    @Test
    void aModelThatIgnoresItsInputIsTriviallyInvariant() {
        Tensor constant = Tensors.of(new double[] {1, -2, 3}, DType.FLOAT64, 1, 3);
        UnaryOperator<Tensor> model = x -> constant.expand(x.size(0), 3).add(x.sum(1, true).mul(0.0));
        InvarianceReport report = InvarianceChecker.of("constant", model, ON_IMAGES).measure(images(DType.FLOAT64, 4, 1));
        for (ElementInvariance e : report.elements()) {
            assertThat(e.jsMean()).isCloseTo(0.0, within(1e-15));
            assertThat(e.logitDistance()).as("no spread, no distance: 0").isEqualTo(0.0);
            assertThat(e.saliencySimilarity()).as("both saliency maps zero: 1").isEqualTo(1.0);
        }
    }

    @Test
    void aSingleInputHasNoSpreadSoAnyLogitChangeIsInfinitelyFar() {
        UnaryOperator<Tensor> firstPixel = x -> x.narrow(1, 0, 2);
        InvarianceReport report = InvarianceChecker.of("first pixels", firstPixel, ON_IMAGES).measure(images(DType.FLOAT64, 1, 2));
        assertThat(report.meanLogitDistance()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void saliencyMapsThatDoNotTurnWithTheInputScoreBelowOne() {
        // f(x) = [w·x, 0]: the saliency of class 0 is w wherever x is; g·w is a turned copy, not w.
        Tensor w = Tensors.randn(new Rng(5), DType.FLOAT64, SIZE * SIZE, 1);
        UnaryOperator<Tensor> linear = x -> Tensors.concat(1, x.matmul(w).add(100.0), x.matmul(w).mul(0.0));
        InvarianceReport report = InvarianceChecker.of("linear", linear, ON_IMAGES).measure(images(DType.FLOAT64, 3, 3));
        for (var g : ON_IMAGES.nonIdentityElements()) {
            ElementInvariance e = report.of(g).orElseThrow();
            double expected = InvarianceChecker.cosines(w.reshape(1, -1), ON_IMAGES.apply(g, w.reshape(1, -1)))[0];
            assertThat(e.saliencySimilarity()).isCloseTo(expected, within(1e-12));
            assertThat(e.saliencySimilarity()).isLessThan(0.5);
        }
    }

    @Test
    void refusesWhatItCannotMeasure() {
        UnaryOperator<Tensor> flat = x -> x.sum(1, false);
        assertThatThrownBy(() -> InvarianceChecker.of("rank-1 output", flat, ON_IMAGES).measure(images(DType.FLOAT64, 2, 1)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("expected logits [2, K]");
        UnaryOperator<Tensor> id = x -> x;
        assertThatThrownBy(() -> InvarianceChecker.of("m", id, ON_IMAGES).measure(Tensors.zeros(DType.INT64, 2, 64)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("floating");
        assertThatThrownBy(() -> InvarianceChecker.of("m", id, ON_IMAGES).measure(List.of(), images(DType.FLOAT64, 2, 1)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("at least one element");
        assertThatThrownBy(() -> InvarianceChecker.of("m", id, ON_IMAGES).measure(Tensors.zeros(DType.FLOAT64, 2, 63)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("cannot be viewed");
    }

    @Test
    void restoresTheTrainingModeAndClearsTheGradientsItCaused() {
        GroupCnn cnn = new GroupCnn(CyclicGroup.of(1), SIZE, 2, 5, new Rng(4));
        cnn.to(DType.FLOAT64).train();
        InvarianceChecker.of("CNN", cnn, cnn::forward, ON_IMAGES).chunkSize(2).measure(images(DType.FLOAT64, 3, 1));
        assertThat(cnn.isTraining()).isTrue();
        assertThat(cnn.parameters()).allSatisfy(p -> assertThat(p.grad()).satisfiesAnyOf(
                grad -> assertThat(grad).isNull(), grad -> assertThat(grad.abs().sum().item()).isZero()));
    }

    @Test
    void chunkingDoesNotChangeTheResult() {
        GroupCnn cnn = TestModels.evaluating(new GroupCnn(CyclicGroup.of(1), SIZE, 2, 5, new Rng(4)));
        cnn.to(DType.FLOAT64);
        Tensor x = images(DType.FLOAT64, 7, 2);
        InvarianceReport whole = InvarianceChecker.of("CNN", cnn, cnn::forward, ON_IMAGES).measure(x);
        InvarianceReport chunked = InvarianceChecker.of("CNN", cnn, cnn::forward, ON_IMAGES).chunkSize(3).measure(x);
        for (int k = 0; k < 4; k++) {
            assertThat(chunked.elements().get(k).logitDistance()).isCloseTo(whole.elements().get(k).logitDistance(), within(1e-12));
            assertThat(chunked.elements().get(k).jsMean()).isCloseTo(whole.elements().get(k).jsMean(), within(1e-14));
            assertThat(chunked.elements().get(k).saliencySimilarity())
                    .isCloseTo(whole.elements().get(k).saliencySimilarity(), within(1e-12));
        }
    }
}

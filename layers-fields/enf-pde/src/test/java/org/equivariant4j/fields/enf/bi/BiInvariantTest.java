package org.equivariant4j.fields.enf.bi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.DuplicateIdException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.error.UnknownIdException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.equivariance.Tolerance;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BiInvariantTest {
    private static final BiInvariants REGISTRY = BiInvariants.load();
    private static final Tolerance FLOAT64 = Tolerance.defaultFor(DType.FLOAT64);
    private static final int BATCH = 2;
    private static final int QUERIES = 5;
    private static final int LATENTS = 3;
    private static final int MOTIONS = 25;

    static Stream<String> equivariantIds() {
        return REGISTRY.ids().stream().filter(id -> !id.equals("absolute"));
    }

    static Stream<String> allIds() {
        return REGISTRY.ids().stream();
    }

    @Test
    void registryHasTheFiveShippedBiInvariants() {
        assertThat(REGISTRY.ids()).containsExactly("absolute", "translation", "se2", "torus", "sphere");
        assertThatThrownBy(() -> REGISTRY.get("se3")).isInstanceOf(UnknownIdException.class)
                .hasMessageContaining("'se3'").hasMessageContaining("se2, torus");
    }

    @Test
    void duplicateIdsAcrossProvidersAreRefusedNamingBoth() {
        BiInvariantProvider again = () -> List.of(new Se2BiInvariant());
        assertThatThrownBy(() -> BiInvariants.of(List.of(new StandardBiInvariants(), again)))
                .isInstanceOf(DuplicateIdException.class).hasMessageContaining("'se2'")
                .hasMessageContaining(StandardBiInvariants.class.getName());
    }

    @ParameterizedTest
    @MethodSource("equivariantIds")
    void invariantWhenCoordinatesAndPosesMoveTogether(String id) {
        BiInvariant bi = REGISTRY.get(id);
        Discrepancy worst = invarianceError(bi, 11);
        assertThat(worst.within(FLOAT64)).as("%s over %d motions (seed 11): %s", bi, MOTIONS, worst.describe(FLOAT64))
                .isTrue();
    }

    /** The negative control of the float64 bound: absolute positions change under plane motions, by far. */
    @Test
    void absolutePositionIsNotInvariantUnderPlaneMotions() {
        BiInvariant bi = REGISTRY.get("absolute");
        Rng rng = new Rng(12);
        Tensor x = batchOf(bi::sampleCoordinates, rng, QUERIES);
        Tensor p = batchOf(bi::samplePoses, rng, LATENTS);
        PoseMotion g = bi.sample(rng);
        Discrepancy between = Discrepancy.of(bi.between(g.actOnCoordinates(x), g.actOnPoses(p)), bi.between(x, p));
        Discrepancy pairs = Discrepancy.of(bi.betweenPoses(g.actOnPoses(p)), bi.betweenPoses(p));
        assertThat(between.within(FLOAT64)).as(between.describe(FLOAT64)).isFalse();
        assertThat(pairs.within(FLOAT64)).as(pairs.describe(FLOAT64)).isFalse();
        assertThat(between.error()).isGreaterThan(1e-2);
    }

    /** Absolute positions are left out: their poses have no frame, so a plane motion does not commute with them. */
    @ParameterizedTest
    @MethodSource("equivariantIds")
    void globalVelocityCommutesWithTheMotion(String id) {
        BiInvariant bi = REGISTRY.get(id);
        Discrepancy worst = velocityEquivarianceError(bi, bi::globalVelocity, 13);
        assertThat(worst.within(FLOAT64)).as("%s: %s", bi, worst.describe(FLOAT64)).isTrue();
    }

    /** Negative control: SE(2) poses moved as if local velocities were global ones (no rotation) fail the bound. */
    @Test
    void globalVelocityThatIgnoresTheFrameFailsTheCheck() {
        BiInvariant se2 = REGISTRY.get("se2");
        Discrepancy worst = velocityEquivarianceError(se2, (p, u) -> u, 13);
        assertThat(worst.within(FLOAT64)).as(worst.describe(FLOAT64)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("allIds")
    void shapesOfEveryMethod(String id) {
        BiInvariant bi = REGISTRY.get(id);
        Rng rng = new Rng(3);
        Tensor x = batchOf(bi::sampleCoordinates, rng, QUERIES);
        Tensor p = batchOf(bi::samplePoses, rng, LATENTS);
        Tensor u = Tensors.randn(rng, DType.FLOAT64, BATCH, LATENTS, bi.tangentDim());
        assertThat(bi.between(x, p).shape()).containsExactly(BATCH, QUERIES, LATENTS, bi.dim());
        assertThat(bi.squaredDistance(x, p).shape()).containsExactly(BATCH, QUERIES, LATENTS);
        assertThat(bi.betweenPoses(p).shape()).containsExactly(BATCH, LATENTS, LATENTS, bi.pairDim());
        assertThat(bi.globalVelocity(p, u).shape()).containsExactly(BATCH, LATENTS, bi.poseDim());
    }

    @Test
    void squaredDistanceIsEuclideanNearTheLatent() {
        Tensor x = Tensors.of(new double[] {0.31, 0.52}, DType.FLOAT64, 1, 1, 2);
        Tensor p = Tensors.of(new double[] {0.30, 0.50}, DType.FLOAT64, 1, 1, 2);
        double euclidean = 0.01 * 0.01 + 0.02 * 0.02;
        assertThat(REGISTRY.get("translation").squaredDistance(x, p).item()).isCloseTo(euclidean, within(1e-15));
        assertThat(REGISTRY.get("torus").squaredDistance(x, p).item()).isCloseTo(euclidean, within(1e-6));
        // Across the seam of the unit torus 0.99 and 0.01 are 0.02 apart.
        Tensor seam = Tensors.of(new double[] {0.99, 0.5}, DType.FLOAT64, 1, 1, 2);
        Tensor other = Tensors.of(new double[] {0.01, 0.5}, DType.FLOAT64, 1, 1, 2);
        assertThat(REGISTRY.get("torus").squaredDistance(seam, other).item()).isCloseTo(4e-4, within(1e-6));
    }

    @Test
    void se2SeesTheQueryInTheLatentsFrame() {
        // A latent at (1, 0) facing +y: the point (1, 2) is 2 ahead of it, (0, 0) is 1 to its right... (x axis = facing).
        Tensor p = Tensors.of(new double[] {1, 0, Math.PI / 2}, DType.FLOAT64, 1, 1, 3);
        Tensor x = Tensors.of(new double[] {1, 2, 0, 0}, DType.FLOAT64, 1, 2, 2);
        double[] a = REGISTRY.get("se2").between(x, p).toDoubleArray();
        assertThat(a[0]).isCloseTo(2, within(1e-12));
        assertThat(a[1]).isCloseTo(0, within(1e-12));
        assertThat(a[2]).isCloseTo(0, within(1e-12));
        assertThat(a[3]).isCloseTo(1, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("allIds")
    void wrongShapesAndDTypesAreRefusedByName(String id) {
        BiInvariant bi = REGISTRY.get(id);
        Rng rng = new Rng(4);
        Tensor x = batchOf(bi::sampleCoordinates, rng, QUERIES);
        Tensor p = batchOf(bi::samplePoses, rng, LATENTS);
        Tensor wrongLast = Tensors.zeros(DType.FLOAT64, BATCH, LATENTS, bi.poseDim() + 1);
        assertThatThrownBy(() -> bi.between(x, wrongLast)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining(id).hasMessageContaining("between").hasMessageContaining("poses")
                .hasMessageContaining("[" + BATCH + ", " + LATENTS + ", " + (bi.poseDim() + 1) + "]");
        Tensor otherBatch = Tensors.zeros(DType.FLOAT64, BATCH + 1, LATENTS, bi.poseDim());
        assertThatThrownBy(() -> bi.squaredDistance(x, otherBatch)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("squaredDistance").hasMessageContaining("batch");
        assertThatThrownBy(() -> bi.between(x.reshape(-1, bi.coordinateDim()), p)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("coordinates").hasMessageContaining("[B, Q, " + bi.coordinateDim() + "]");
        assertThatThrownBy(() -> bi.between(x.to(DType.FLOAT32), p)).isInstanceOf(DTypeMismatchException.class);
        assertThatThrownBy(() -> bi.betweenPoses(wrongLast)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("betweenPoses");
        Tensor shortVelocity = Tensors.zeros(DType.FLOAT64, BATCH, LATENTS - 1, bi.tangentDim());
        assertThatThrownBy(() -> bi.globalVelocity(p, shortVelocity)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("globalVelocity").hasMessageContaining("localVelocity");
    }

    @ParameterizedTest
    @MethodSource("allIds")
    void gradientsMatchFiniteDifferences(String id) {
        BiInvariant bi = REGISTRY.get(id);
        Rng rng = new Rng(5);
        Tensor x = batchOf(bi::sampleCoordinates, rng, 3);
        Tensor p = batchOf(bi::samplePoses, rng, 2);
        Tensor u = Tensors.randn(rng, DType.FLOAT64, BATCH, 2, bi.tangentDim());
        GradientCheck.of(id + ".between", in -> bi.between(in[0], in[1]), x, p).assertCorrect();
        GradientCheck.of(id + ".squaredDistance", in -> bi.squaredDistance(in[0], in[1]), x, p).assertCorrect();
        GradientCheck.of(id + ".betweenPoses", in -> bi.betweenPoses(in[0]), p).assertCorrect();
        GradientCheck.of(id + ".globalVelocity", in -> bi.globalVelocity(in[0], in[1]), p, u).assertCorrect();
    }

    // ---------------------------------------------------------------- measurements

    /** Worst change of between, squaredDistance and betweenPoses over {@link #MOTIONS} random motions and inputs. */
    static Discrepancy invarianceError(BiInvariant bi, long seed) {
        Rng rng = new Rng(seed);
        Discrepancy worst = new Discrepancy(0, 0);
        for (int m = 0; m < MOTIONS; m++) {
            Tensor x = batchOf(bi::sampleCoordinates, rng, QUERIES);
            Tensor p = batchOf(bi::samplePoses, rng, LATENTS);
            PoseMotion g = bi.sample(rng);
            Tensor gx = g.actOnCoordinates(x);
            Tensor gp = g.actOnPoses(p);
            worst = worst.worst(Discrepancy.of(bi.between(gx, gp), bi.between(x, p)))
                    .worst(Discrepancy.of(bi.squaredDistance(gx, gp), bi.squaredDistance(x, p)))
                    .worst(Discrepancy.of(bi.betweenPoses(gp), bi.betweenPoses(p)));
        }
        return worst;
    }

    /**
     * Worst difference between {@code velocity(g·p, u)} and the derivative of g·p(t) along {@code velocity(p, u)}, by
     * central differences of the action (exact up to rounding: every shipped action is affine in the pose). On the
     * torus the difference is taken modulo the period, since the action wraps.
     */
    static Discrepancy velocityEquivarianceError(BiInvariant bi, BiFunction<Tensor, Tensor, Tensor> velocity, long seed) {
        double h = 1e-4;
        Rng rng = new Rng(seed);
        Discrepancy worst = new Discrepancy(0, 0);
        for (int m = 0; m < MOTIONS; m++) {
            Tensor p = batchOf(bi::samplePoses, rng, LATENTS);
            Tensor u = Tensors.randn(rng, DType.FLOAT64, BATCH, LATENTS, bi.tangentDim());
            PoseMotion g = bi.sample(rng);
            Tensor v = velocity.apply(p, u);
            double[] forward = g.actOnPoses(p.add(v.mul(h))).toDoubleArray();
            double[] backward = g.actOnPoses(p.sub(v.mul(h))).toDoubleArray();
            double[] derivative = new double[forward.length];
            for (int i = 0; i < forward.length; i++) {
                double d = forward[i] - backward[i];
                if (bi instanceof TorusBiInvariant torus) {
                    d -= torus.side() * Math.rint(d / torus.side());
                }
                derivative[i] = d / (2 * h);
            }
            Tensor moved = Tensors.of(derivative, DType.FLOAT64, p.shape());
            worst = worst.worst(Discrepancy.of(velocity.apply(g.actOnPoses(p), u), moved));
        }
        return worst;
    }

    interface Sampler {
        Tensor sample(Rng rng, int count, DType dtype);
    }

    static Tensor batchOf(Sampler sampler, Rng rng, int count) {
        Tensor flat = sampler.sample(rng, BATCH * count, DType.FLOAT64);
        return flat.reshape(BATCH, count, flat.size(1));
    }

    private static org.assertj.core.data.Offset<Double> within(double value) {
        return org.assertj.core.data.Offset.offset(value);
    }
}

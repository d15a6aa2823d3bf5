package org.equivariant4j.gconv.se3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Matrix;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.ExactElements;
import org.equivariant4j.equivariance.RandomFields;
import org.junit.jupiter.api.Test;

/**
 * Exactness per element on the icosahedral grid I: its 12 rotations shared with T map the voxel grid onto
 * themselves (kernels turn by permutation: exact, held to the dtype tolerance), the other 48 need trilinear
 * interpolation of the kernels (declared, measured on analytically rotated smooth volumes, where voxel fields
 * cannot be turned), and a layer beyond the declared bound fails it.
 */
class IcosahedralGridTest {
    private static final RotationGrid I = RotationGrid.parse("I");
    private static final int SIZE = 13;
    private static final int K = 5;
    /** Gaussian blobs (x, y, z, amplitude), width 2 voxels: smooth enough to sample after any rotation. */
    private static final double[][] BLOBS = {{3.0, -2.0, 1.0, 1.0}, {-4.0, 1.5, -0.5, -0.7}, {0.5, 4.0, 2.0, 0.8},
        {-1.0, -3.5, -2.5, 0.6}};

    @Test
    void exactnessIsDecidedPerElementByWhetherItMapsTheVoxelGridOntoItself() {
        assertThat(RotationGrid.octahedral().isExact()).isTrue();
        assertThat(RotationGrid.octahedral().exactElements()).hasSize(24);
        assertThat(RotationGrid.tetrahedral().exactElements()).hasSize(12);
        assertThat(RotationGrid.octahedral().approximation()).isEmpty();

        assertThat(I.isExact()).isFalse();
        assertThat(I.exactElements()).hasSize(12);
        for (int i = 0; i < I.size(); i++) {
            Matrix r = I.rotation(i);
            boolean signedPermutation = signedPermutation(r);
            assertThat(I.mapsVoxelGridOntoItself(i)).as("rotation %d: %s", i, r).isEqualTo(signedPermutation);
            assertThat(I.exactElements().contains(I.elements().get(i))).isEqualTo(signedPermutation);
        }
        assertThat(I.approximation()).hasValueSatisfying(a -> assertThat(a.reason()).contains("48 of the 60").contains("trilinear"));
        assertThat(I).hasToString("RotationGrid(I, 60 rotations, a group, 12 exact)");

        RotationGrid uniform = RotationGrid.uniform(12);
        assertThat(uniform.isExact()).isFalse();
        assertThat(uniform.exactElements()).isEmpty();
        assertThat(uniform.approximation()).isPresent();
    }

    @Test
    void theKitCanTurnVoxelFieldsOnlyByTheExactElements() {
        SE3LiftingConv lift = new SE3LiftingConv(I, 1, 1, 3, 1, new Rng(1));
        GeometricTensor sample = RandomFields.defaults().gridSize(3, 4).generate(lift.inType(), 1);
        ExactElements split = ExactElements.on(sample, I.elements());
        assertThat(split.exact()).containsExactlyElementsOf(I.exactElements());
        assertThat(split.refused()).hasSize(48);
    }

    /** Whatever the layers declare for the other 48, the 12 exact elements are held to the dtype defaults. */
    @Test
    void theExactElementsAreHeldToTheDtypeTolerance() {
        Rng rng = new Rng(3);
        List<EquivariantLayer> layers = List.of(new SE3LiftingConv(I, 1, 1, 3, 1, rng), new SE3SeparableConv(I, 1, 1, 3, 1, rng),
                new SE3GroupConv(I, 1, 1, 3, 1, rng), new SE3GlobalPooling(I, 1, SE3GlobalPooling.Mode.MAX));
        for (EquivariantLayer layer : layers) {
            assertThat(layer.approximation()).as(layer.toString()).isPresent();
            EquivarianceAssertions.assertThat(layer).withInputGenerator(RandomFields.defaults().gridSize(3, 4))
                    .inDType(DType.FLOAT32).isEquivariantUnder(I.exactElements()).within(1e-3, 1e-3);
            EquivarianceAssertions.assertThat(layer).withInputGenerator(RandomFields.defaults().gridSize(3, 4))
                    .inDType(DType.FLOAT64).isEquivariantUnder(I.exactElements()).within(1e-9, 1e-9);
        }
    }

    /**
     * The 48 rotations no voxel grid takes, measured at the centre voxel (fixed by every rotation) of a smooth
     * volume sampled after turning it analytically: the lifted features of the turned volume against the
     * original ones permuted over the grid. Random (He-initialised) kernels and a smooth one, float64.
     */
    @Test
    void offLatticeRotationsStayWithinTheDeclaredBound() {
        ApproximateEquivariance declared = I.approximation().orElseThrow();
        for (long seed = 1; seed <= 4; seed++) {
            SE3LiftingConv lift = lift(seed);
            Measured m = measure(volume -> centre(lift, volume));
            System.out.printf("I grid, random kernel (seed %d): exact elements %.1e, off-lattice up to %.3f of the scale,"
                    + " %.3f-%.3f without permuting the grid axis%n", seed, m.exact, m.offLattice, m.unpermutedMin, m.unpermutedMax);
            assertThat(m.exact).as("seed %d, lattice rotations", seed).isLessThan(1e-9);
            assertThat(m.offLattice).as("seed %d, off-lattice rotations (declared %s)", seed, declared).isLessThanOrEqualTo(
                    declared.relative());
        }
        SE3LiftingConv smooth = lift(1);
        double[] w = new double[K * K * K];
        for (int a = 0; a < K; a++) {
            for (int b = 0; b < K; b++) {
                for (int c = 0; c < K; c++) {
                    double x = a - 2;
                    double y = b - 2;
                    double z = c - 2;
                    w[(a * K + b) * K + c] = (x + 0.3 * y - 0.2 * z) * Math.exp(-(x * x + y * y + z * z) / (2 * 1.2 * 1.2));
                }
            }
        }
        smooth.namedParameters().get("weight").set(Tensors.of(w, DType.FLOAT64, 1, 1, K * K * K));
        Measured m = measure(volume -> centre(smooth, volume));
        System.out.printf("I grid, smooth kernel: off-lattice up to %.3f of the scale, %.3f-%.3f without permuting%n",
                m.offLattice, m.unpermutedMin, m.unpermutedMax);
        assertThat(m.offLattice).isLessThanOrEqualTo(declared.relative());
    }

    /**
     * Negative control: the lifting conv with its odd grid channels negated is wrong by up to twice the output's
     * scale on the exact elements, and the kit, holding it to the declared bound, fails it; the same layer with
     * those channels halved errs by at most half the scale and passes.
     */
    @Test
    void aLayerBeyondTheDeclaredBoundFailsIt() {
        EquivariantLayer beyond = new OddChannelsScaled(lift(5), -1.0);
        EquivariantLayer within = new OddChannelsScaled(lift(5), 0.5);
        assertThatThrownBy(() -> EquivarianceAssertions.assertThat(beyond).withInputGenerator(RandomFields.defaults()
                .gridSize(3, 5)).inDType(DType.FLOAT64).isEquivariantUnder(I.exactElements())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("declared approximation");
        EquivarianceAssertions.assertThat(within).withInputGenerator(RandomFields.defaults().gridSize(3, 5)).inDType(DType.FLOAT64)
                .isEquivariantUnder(I.exactElements());
    }

    private static SE3LiftingConv lift(long seed) {
        SE3LiftingConv lift = new SE3LiftingConv(I, 1, 1, K, 1, new Rng(seed));
        lift.to(DType.FLOAT64);
        return lift;
    }

    /** Largest relative error on lattice and on off-lattice rotations, and the range without the grid permutation. */
    private record Measured(double exact, double offLattice, double unpermutedMin, double unpermutedMax) {
    }

    private static Measured measure(java.util.function.Function<Tensor, double[]> centreFeatures) {
        double[] base = centreFeatures.apply(volume(Matrix.identity(3)));
        double exact = 0;
        double offLattice = 0;
        double unpermutedMin = Double.MAX_VALUE;
        double unpermutedMax = 0;
        for (int g = 0; g < I.size(); g++) {
            Matrix r = I.rotation(g);
            double[] turned = centreFeatures.apply(volume(r));
            double error = 0;
            double unpermuted = 0;
            double scale = 0;
            for (int i = 0; i < I.size(); i++) {
                // (g·F)(g_i) = F(g⁻¹ g_i) at the fixed centre voxel.
                int j = index(r.transpose().multiply(I.rotation(i)));
                error = Math.max(error, Math.abs(turned[i] - base[j]));
                unpermuted = Math.max(unpermuted, Math.abs(turned[i] - base[i]));
                scale = Math.max(scale, Math.abs(base[j]));
            }
            if (I.mapsVoxelGridOntoItself(g)) {
                exact = Math.max(exact, error / scale);
            } else {
                offLattice = Math.max(offLattice, (error - Tolerances.ABSOLUTE) / scale);
                unpermutedMin = Math.min(unpermutedMin, unpermuted / scale);
                unpermutedMax = Math.max(unpermutedMax, unpermuted / scale);
            }
        }
        return new Measured(exact, offLattice, unpermutedMin, unpermutedMax);
    }

    private static int index(Matrix m) {
        for (int i = 0; i < I.size(); i++) {
            if (I.rotation(i).isClose(m, 1e-9)) {
                return i;
            }
        }
        throw new AssertionError("not a rotation of the grid: " + m);
    }

    private static double[] centre(SE3LiftingConv lift, Tensor volume) {
        Tensor features = lift.forward(GeometricTensor.of(volume, lift.inType())).tensor();
        int m = SIZE / 2;
        return features.narrow(2, m, 1).narrow(3, m, 1).narrow(4, m, 1).reshape(-1).toDoubleArray();
    }

    /** The blobs sampled after turning them by {@code r}: voxel p shows f(rᵀ p) (axis k is coordinate k). */
    private static Tensor volume(Matrix r) {
        double[] v = new double[SIZE * SIZE * SIZE];
        double c = (SIZE - 1) / 2.0;
        Matrix back = r.transpose();
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                for (int k = 0; k < SIZE; k++) {
                    double[] q = back.multiply(new double[] {i - c, j - c, k - c});
                    double s = 0;
                    for (double[] b : BLOBS) {
                        double d2 = (q[0] - b[0]) * (q[0] - b[0]) + (q[1] - b[1]) * (q[1] - b[1]) + (q[2] - b[2]) * (q[2] - b[2]);
                        s += b[3] * Math.exp(-d2 / (2 * 2.0 * 2.0));
                    }
                    v[(i * SIZE + j) * SIZE + k] = s;
                }
            }
        }
        return Tensors.of(v, DType.FLOAT64, 1, 1, SIZE, SIZE, SIZE);
    }

    private static boolean signedPermutation(Matrix r) {
        for (double v : r.toRowMajor()) {
            if (Math.abs(v) > 1e-9 && Math.abs(Math.abs(v) - 1) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    /** A deliberately broken layer: the lifting conv with its odd grid channels multiplied by {@code factor}. */
    private static final class OddChannelsScaled extends EquivariantLayer {
        private final SE3LiftingConv lift;
        private final double[] mask;

        OddChannelsScaled(SE3LiftingConv lift, double factor) {
            super(lift.inType(), lift.outType());
            this.lift = lift;
            this.mask = new double[I.size()];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = i % 2 == 1 ? factor : 1.0;
            }
        }

        @Override
        protected GeometricTensor apply(GeometricTensor input) {
            Tensor y = lift.forward(input).tensor();
            Tensor m = Tensors.of(mask, y.dtype(), 1, mask.length, 1, 1, 1);
            return GeometricTensor.of(y.mul(m), outType());
        }

        @Override
        public Optional<ApproximateEquivariance> approximation() {
            return lift.approximation();
        }
    }
}

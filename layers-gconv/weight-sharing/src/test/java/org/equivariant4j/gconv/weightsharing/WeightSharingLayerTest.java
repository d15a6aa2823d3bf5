package org.equivariant4j.gconv.weightsharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;

class WeightSharingLayerTest {
    private static final CyclicGroup C4 = CyclicGroup.of(4);

    /** numpy's rot90 of each image: out[i][j] = x[j][W-1-i] (square images). */
    private static Tensor rot90(Tensor x) {
        return x.transpose(2, 3).flip(2);
    }

    private static double maxAbs(Tensor a, Tensor b) {
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
        }
        return worst;
    }

    /** Output group channels c|G| + g of y moved to c|G| + (g + 1 mod 4): the regular representation of a quarter turn. */
    private static Tensor shiftGroupChannels(Tensor y, int fields) {
        int[] s = y.shape();
        return y.reshape(s[0], fields, 4, s[2], s[3]).roll(1, 2).reshape(s);
    }

    @Test
    void liftingTiedToC4RotatesAndPermutesExactly() {
        WeightSharingLifting layer = new WeightSharingLifting(C4, 2, 3, 5, WeightSharingOptions.defaults(), new Rng(1));
        layer.to(DType.FLOAT64);
        layer.tieToGroup();
        Tensor x = Tensors.randn(new Rng(2), DType.FLOAT64, 2, 2, 9, 9);
        Tensor y = layer.forward(GeometricTensor.of(x, layer.inType())).tensor();
        Tensor yRot = layer.forward(GeometricTensor.of(rot90(x), layer.inType())).tensor();
        assertThat(yRot.shape()).containsExactly(2, 12, 9, 9);
        assertThat(maxAbs(yRot, shiftGroupChannels(rot90(y), 3))).isLessThan(1e-12);
        // Not trivially so: the output does change under the rotation.
        assertThat(maxAbs(yRot, rot90(y))).isGreaterThan(1e-2);
    }

    @Test
    void groupLayerTiedToC4RotatesAndPermutesExactly() {
        WeightSharingGroupConv layer = new WeightSharingGroupConv(C4, 2, 2, 3, WeightSharingOptions.defaults(), new Rng(3));
        layer.to(DType.FLOAT64);
        layer.tieToGroup();
        Tensor x = Tensors.randn(new Rng(4), DType.FLOAT64, 2, 8, 7, 7);
        Tensor y = layer.forward(GeometricTensor.of(x, layer.inType())).tensor();
        Tensor yRot = layer.forward(GeometricTensor.of(shiftGroupChannels(rot90(x), 2), layer.inType())).tensor();
        assertThat(maxAbs(yRot, shiftGroupChannels(rot90(y), 2))).isLessThan(1e-12);
    }

    @Test
    void theKitPassesEveryElementOfC4AndD4WhenTied() {
        for (var group : new org.equivariant4j.core.group.FiniteGroup[] {C4, DihedralGroup.of(4)}) {
            for (boolean fix : new boolean[] {true, false}) {
                // A tied layer is exact for any iteration count; 3 keeps the 2 x 2 x 2 x 8 checks quick.
                WeightSharingOptions o = WeightSharingOptions.defaults().withIterations(3).withFixIdentity(fix);
                WeightSharingLifting lift = new WeightSharingLifting(group, 2, 2, 3, o, new Rng(5));
                lift.tieToGroup();
                assertThat(lift.approximation()).isEmpty();
                assertThat(lift).inDType(DType.FLOAT64).isEquivariantUnder(group.elements()).within(1e-10, 1e-10);
                WeightSharingGroupConv conv = new WeightSharingGroupConv(group, 2, 1, 3, o, new Rng(6));
                conv.tieToGroup();
                assertThat(conv).inDType(DType.FLOAT64).isEquivariantUnder(group.elements()).within(1e-10, 1e-10);
            }
        }
    }

    @Test
    void untiedLayerDeclaresItGuaranteesNothingAndIsNotEquivariant() {
        WeightSharingLifting layer = new WeightSharingLifting(C4, 1, 2, 3, WeightSharingOptions.defaults(), new Rng(7));
        assertThat(layer.approximation()).isPresent();
        assertThat(layer.approximation().get().reason()).contains("tieToGroup");
        layer.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(8), DType.FLOAT64, 1, 1, 7, 7);
        Tensor y = layer.forward(GeometricTensor.of(x, layer.inType())).tensor();
        Tensor yRot = layer.forward(GeometricTensor.of(rot90(x), layer.inType())).tensor();
        assertThat(maxAbs(yRot, shiftGroupChannels(rot90(y), 2))).isGreaterThan(1e-3);
    }

    @Test
    void kernelLayoutIsGroupIndexFastest() {
        WeightSharingLifting layer = new WeightSharingLifting(C4, 2, 3, 3, WeightSharingOptions.defaults(), new Rng(9));
        layer.to(DType.FLOAT64);
        layer.tieToGroup();
        Tensor k = layer.kernel();
        assertThat(k.shape()).containsExactly(12, 2, 3, 3);
        // Output channel c*4 + g is the canonical kernel of field c rotated g quarter turns.
        Tensor w = layer.weight();
        Tensor expected = w;
        for (int g = 0; g < 4; g++) {
            assertThat(maxAbs(k.slice(0, g, 12, 4), expected)).as("group channel %d", g).isEqualTo(0.0);
            expected = rot90(expected);
        }
        WeightSharingGroupConv conv = new WeightSharingGroupConv(C4, 2, 3, 3, WeightSharingOptions.defaults(), new Rng(9));
        assertThat(conv.weight().shape()).containsExactly(3, 2, 4, 3, 3);
        assertThat(conv.kernel().shape()).containsExactly(12, 8, 3, 3);
        assertThat(conv.matrices().shape()).containsExactly(4, 36, 36);
        assertThat(conv.scores().shape()).containsExactly(3, 36, 36);
    }

    @Test
    void matricesAreDoublyStochasticAndTheEntropyPenaltyVanishesWhenTied() {
        WeightSharingGroupConv conv = new WeightSharingGroupConv(C4, 1, 1, 3, WeightSharingOptions.defaults(), new Rng(10));
        Tensor m = conv.matrices();
        for (float v : m.sum(1, false).toFloatArray()) {
            assertThat(v).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
        for (float v : m.sum(2, false).toFloatArray()) {
            assertThat(v).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThat(conv.entropyPenalty().item()).isGreaterThan(1.0);
        assertThat(conv.distanceToGroup()).isGreaterThan(0.5);
        conv.tieToGroup();
        assertThat(conv.entropyPenalty().item()).isEqualTo(0.0);
        assertThat(conv.distanceToGroup()).isEqualTo(0.0);
    }

    @Test
    void parameterAndInputGradientsMatchFiniteDifferences() {
        WeightSharingOptions o = WeightSharingOptions.defaults().withIterations(8).withTemperature(0.8);
        WeightSharingLifting lift = new WeightSharingLifting(C4, 2, 2, 3, o, new Rng(11));
        lift.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(12), DType.FLOAT64, 2, 2, 5, 5);
        for (String p : new String[] {"weight", "scores", "bias"}) {
            ParameterGradientCheck.of(lift, p, () -> lift.forward(GeometricTensor.of(x, lift.inType())).tensor()).entries(8)
                    .assertCorrect();
        }
        ParameterGradientCheck.of(lift, "scores", () -> lift.normPenalty().add(lift.entropyPenalty())).entries(8).assertCorrect();
        GradientCheck.of("lifting input", in -> lift.forward(GeometricTensor.of(in[0], lift.inType())).tensor(),
                x.detach().requiresGrad(true)).assertCorrect();

        WeightSharingGroupConv conv = new WeightSharingGroupConv(C4, 1, 2, 3, o.withFixIdentity(false), new Rng(13));
        conv.to(DType.FLOAT64);
        Tensor h = Tensors.randn(new Rng(14), DType.FLOAT64, 1, 4, 5, 5);
        for (String p : new String[] {"weight", "scores", "bias"}) {
            ParameterGradientCheck.of(conv, p, () -> conv.forward(GeometricTensor.of(h, conv.inType())).tensor()).entries(8)
                    .assertCorrect();
        }
    }

    @Test
    void refusals() {
        WeightSharingLifting layer = new WeightSharingLifting(C4, 1, 1, 3, WeightSharingOptions.defaults(), new Rng(1));
        assertThatThrownBy(() -> new WeightSharingLifting(C4, 1, 1, 4, WeightSharingOptions.defaults(), new Rng(1)))
                .hasMessageContaining("odd");
        double[][][] p = KernelPermutations.spatial(C4, 3);
        double[][][] swapped = {p[1], p[0], p[2], p[3]};
        assertThatThrownBy(() -> layer.setPermutations(swapped)).hasMessageContaining("identity");
        double[][][] notPerm = {p[0], p[1], p[2], new double[9][9]};
        assertThatThrownBy(() -> layer.setPermutations(notPerm)).hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> layer.setPermutations(new double[][][] {p[0]})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("expected 4");
        assertThatThrownBy(() -> layer.forward(GeometricTensor.of(Tensors.zeros(1, 1, 5), layer.inType())))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[1, 1, 5]");
    }
}

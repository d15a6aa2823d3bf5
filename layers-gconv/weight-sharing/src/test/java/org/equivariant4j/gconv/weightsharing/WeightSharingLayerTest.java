package org.equivariant4j.gconv.weightsharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.equivariant4j.testkit.equivariance.EquivarianceAssertions.assertThat;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.EquivariantLayer;
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
        WeightSharingLifting learned = new WeightSharingLifting(C4, 2, 3, 5, WeightSharingOptions.defaults(), new Rng(1));
        learned.to(DType.FLOAT64);
        TiedWeightSharingConv layer = learned.tied();
        Tensor x = Tensors.randn(new Rng(2), DType.FLOAT64, 2, 2, 9, 9);
        Tensor y = layer.forward(x);
        Tensor yRot = layer.forward(GeometricTensor.of(rot90(x), layer.inType())).tensor();
        assertThat(yRot.shape()).containsExactly(2, 12, 9, 9);
        assertThat(maxAbs(yRot, shiftGroupChannels(rot90(y), 3))).isLessThan(1e-12);
        // Not trivially so: the output does change under the rotation.
        assertThat(maxAbs(yRot, rot90(y))).isGreaterThan(1e-2);
    }

    @Test
    void groupLayerTiedToC4RotatesAndPermutesExactly() {
        WeightSharingGroupConv learned = new WeightSharingGroupConv(C4, 2, 2, 3, WeightSharingOptions.defaults(), new Rng(3));
        learned.to(DType.FLOAT64);
        TiedWeightSharingConv layer = learned.tied();
        Tensor x = Tensors.randn(new Rng(4), DType.FLOAT64, 2, 8, 7, 7);
        Tensor y = layer.forward(GeometricTensor.of(x, layer.inType())).tensor();
        Tensor yRot = layer.forward(shiftGroupChannels(rot90(x), 2));
        assertThat(maxAbs(yRot, shiftGroupChannels(rot90(y), 2))).isLessThan(1e-12);
    }

    @Test
    void theKitPassesEveryElementOfC4AndD4WhenTied() {
        for (var group : new org.equivariant4j.core.group.FiniteGroup[] {C4, DihedralGroup.of(4)}) {
            for (boolean fix : new boolean[] {true, false}) {
                // A tied layer is exact for any iteration count; 3 keeps the 2 x 2 x 2 x 8 checks quick.
                WeightSharingOptions o = WeightSharingOptions.defaults().withIterations(3).withFixIdentity(fix);
                TiedWeightSharingConv lift = new WeightSharingLifting(group, 2, 2, 3, o, new Rng(5)).tied();
                assertThat(lift.approximation()).isEmpty();
                assertThat(lift).inDType(DType.FLOAT64).isEquivariantUnder(group.elements()).within(1e-10, 1e-10);
                TiedWeightSharingConv conv = new WeightSharingGroupConv(group, 2, 1, 3, o, new Rng(6)).tied();
                assertThat(conv).inDType(DType.FLOAT64).isEquivariantUnder(group.elements()).within(1e-10, 1e-10);
            }
        }
    }

    @Test
    void learnedLayerIsAPlainModuleAndMeasurablyNotEquivariant() {
        WeightSharingLifting layer = new WeightSharingLifting(C4, 1, 2, 3, WeightSharingOptions.defaults(), new Rng(7));
        assertThat((Object) layer).isNotInstanceOf(EquivariantLayer.class);
        layer.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(8), DType.FLOAT64, 1, 1, 7, 7);
        Tensor y = layer.forward(x);
        Tensor yRot = layer.forward(rot90(x));
        assertThat(maxAbs(yRot, shiftGroupChannels(rot90(y), 2))).isGreaterThan(1e-3);
        // Its tied form is, to rounding: the same canonical kernel with the matrices replaced by C4's permutations.
        TiedWeightSharingConv tied = layer.tied();
        assertThat(maxAbs(tied.forward(rot90(x)), shiftGroupChannels(rot90(tied.forward(x)), 2))).isLessThan(1e-12);
        assertThat(maxAbs(tied.weight(), layer.weight())).isEqualTo(0.0);
    }

    @Test
    void tiedIsACopyAndTheLearnedLayerSetToThePermutationsComputesTheSame() {
        WeightSharingGroupConv learned = new WeightSharingGroupConv(DihedralGroup.of(4), 2, 3, 3, WeightSharingOptions.defaults(),
                new Rng(15));
        learned.to(DType.FLOAT64);
        TiedWeightSharingConv tied = learned.tied();
        Tensor x = Tensors.randn(new Rng(16), DType.FLOAT64, 2, 16, 6, 6);
        Tensor before = learned.forward(x);
        learned.setPermutations(learned.groupPermutations());
        assertThat(maxAbs(learned.forward(x), tied.forward(x))).isLessThan(1e-12);
        assertThat(maxAbs(learned.forward(x), before)).as("the matrices did change").isGreaterThan(1e-3);
        // Training the tied copy leaves the learned layer alone.
        tied.namedParameters().get("weight").set(tied.weight().mul(2));
        assertThat(maxAbs(tied.weight(), learned.weight().mul(2))).isEqualTo(0.0);
        assertThat(tied.stateDict()).containsOnlyKeys("weight", "bias", "permutations");
    }

    @Test
    void learnedMatricesAreTheMatricesAsDoubles() {
        WeightSharingLifting layer = new WeightSharingLifting(C4, 1, 1, 3, WeightSharingOptions.defaults(), new Rng(17));
        double[][][] m = layer.learnedMatrices();
        assertThat(m.length).isEqualTo(4);
        assertThat(m[0][0]).hasSize(9);
        float[] flat = layer.matrices().toFloatArray();
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 9; j++) {
                    assertThat(m[g][i][j]).isEqualTo(flat[(g * 9 + i) * 9 + j], org.assertj.core.data.Offset.offset(1e-7));
                }
            }
        }
        assertThat(m[0][4][4]).isEqualTo(1.0);
        assertThat(m[1][4][4]).isLessThan(0.5);
    }

    @Test
    void kernelLayoutIsGroupIndexFastest() {
        WeightSharingLifting layer = new WeightSharingLifting(C4, 2, 3, 3, WeightSharingOptions.defaults(), new Rng(9));
        layer.to(DType.FLOAT64);
        layer.setPermutations(layer.groupPermutations());
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
        conv.setPermutations(conv.groupPermutations());
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
            ParameterGradientCheck.of(lift, p, () -> lift.forward(x)).entries(8)
                    .assertCorrect();
        }
        ParameterGradientCheck.of(lift, "scores", () -> lift.normPenalty().add(lift.entropyPenalty())).entries(8).assertCorrect();
        GradientCheck.of("lifting input", in -> lift.forward(in[0]),
                x.detach().requiresGrad(true)).assertCorrect();

        WeightSharingGroupConv conv = new WeightSharingGroupConv(C4, 1, 2, 3, o.withFixIdentity(false), new Rng(13));
        conv.to(DType.FLOAT64);
        Tensor h = Tensors.randn(new Rng(14), DType.FLOAT64, 1, 4, 5, 5);
        for (String p : new String[] {"weight", "scores", "bias"}) {
            ParameterGradientCheck.of(conv, p, () -> conv.forward(h)).entries(8)
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
        assertThatThrownBy(() -> layer.forward(Tensors.zeros(1, 1, 5)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[1, 1, 5]").hasMessageContaining("WeightSharingLifting");
        // Channels are checked too (a group layer over C4 with 2 fields takes 8), and the message names the layer.
        WeightSharingGroupConv conv = new WeightSharingGroupConv(C4, 2, 1, 3, WeightSharingOptions.defaults(), new Rng(1));
        assertThatThrownBy(() -> conv.forward(Tensors.zeros(1, 2, 5, 5))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("WeightSharingGroupConv").hasMessageContaining("[N, 8, H, W]").hasMessageContaining("[1, 2, 5, 5]");
        assertThatThrownBy(() -> conv.tied().forward(Tensors.zeros(1, 2, 5, 5))).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("TiedWeightSharingConv").hasMessageContaining("[N, 8, H, W]");
    }
}

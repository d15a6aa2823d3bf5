package org.equivariant4j.gconv.ccnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.PadMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.gconv.ccnn.kernel.KernelNetSpec;
import org.junit.jupiter.api.Test;

/**
 * Translation equivariance of the continuous convolutions, in float64, for 1, 2 and 3 dimensions:
 * with {@link Padding#CIRCULAR}, {@code f(roll(x)) = roll(f(x))} for every shift; with zero
 * padding ({@link Padding#SAME}, {@link Padding#CAUSAL}), for an input that is zero near the
 * boundary, shifting it shifts the output wherever both are defined. The tolerance 1e-9 is
 * round-off; the negative control (the output multiplied by a position ramp, which breaks
 * translation symmetry) misses it by orders of magnitude. (The project's test kit acts on grids
 * by rotations and flips only, not translations: these checks are written out here.)
 */
class TranslationEquivarianceTest {
    private static final double TOLERANCE = 1e-9;
    private static final KernelNetSpec NET = new KernelNetSpec(KernelNetSpec.Kind.MAGNET, 8, 2, 10.0);

    private static UnaryModule layer(String kind, int dims, Padding padding) {
        Rng rng = new Rng(21);
        return kind.equals("ck") ? new CKConv(dims, 2, 2, true, padding, null, NET, DType.FLOAT64, rng)
                : kind.equals("flex") ? new FlexConv(dims, 2, 2, true, padding, null, NET, 0.5, DType.FLOAT64, rng)
                : new CKConv(dims, 2, 3, false, padding, null, NET, DType.FLOAT64, rng);
    }

    private static int[] shape(int dims) {
        return switch (dims) {
            case 1 -> new int[] {2, 2, 24};
            case 2 -> new int[] {1, 2, 9, 10};
            default -> new int[] {1, 2, 6, 5, 7};
        };
    }

    @Test
    void circularPaddingCommutesWithEveryCircularShift() {
        for (String kind : new String[] {"ck", "flex", "full"}) {
            for (int dims = 1; dims <= 3; dims++) {
                UnaryModule f = layer(kind, dims, Padding.CIRCULAR);
                Tensor x = Tensors.randn(new Rng(dims), DType.FLOAT64, shape(dims));
                Tensor y = f.forward(x);
                for (int axis = 2; axis < 2 + dims; axis++) {
                    for (int s : new int[] {1, 3}) {
                        int a = axis;
                        double err = maxDiff(f.forward(x.roll(s, a)), y.roll(s, a));
                        assertThat(err).as("%s %dD shift %d along %d", kind, dims, s, a).isLessThan(TOLERANCE);
                    }
                }
            }
        }
    }

    @Test
    void zeroPaddingCommutesWithShiftsAwayFromTheBoundary() {
        for (Padding padding : new Padding[] {Padding.SAME, Padding.CAUSAL}) {
            for (String kind : new String[] {"ck", "flex", "full"}) {
                for (int dims = 1; dims <= 3; dims++) {
                    UnaryModule f = layer(kind, dims, padding);
                    double err = shiftError(f::forward, dims, 2);
                    assertThat(err).as("%s %s %dD", kind, padding, dims).isLessThan(TOLERANCE);
                }
            }
        }
    }

    @Test
    void aPositionDependentOutputFailsTheCheck() {
        UnaryModule f = layer("ck", 1, Padding.SAME);
        Tensor ramp = Tensors.arange(0, 24, 1, DType.FLOAT64).div(24.0);
        assertThat(shiftError(x -> f.forward(x).mul(ramp), 1, 2)).isGreaterThan(1e-3);
    }

    /**
     * For an input whose last {@code shift} entries along every spatial axis are zero, shifted by
     * {@code shift} toward higher indices along one axis at a time: the largest difference between
     * f(shifted)[shift:] and f(x)[:-shift].
     */
    private static double shiftError(UnaryOperator<Tensor> f, int dims, int shift) {
        int[] s = shape(dims);
        Tensor x = Tensors.randn(new Rng(40 + dims), DType.FLOAT64, s);
        // Zero the last `shift` entries of every spatial axis, so the shift moves no sample out.
        for (int axis = 2; axis < 2 + dims; axis++) {
            int[] pads = new int[2 * dims];
            pads[2 * (dims - 1 - (axis - 2)) + 1] = shift;
            x = x.narrow(axis, 0, s[axis] - shift).pad(pads, PadMode.CONSTANT, 0.0);
        }
        Tensor y = f.apply(x);
        double worst = 0;
        for (int axis = 2; axis < 2 + dims; axis++) {
            Tensor shifted = f.apply(x.roll(shift, axis));
            int len = s[axis] - shift;
            worst = Math.max(worst, maxDiff(shifted.narrow(axis, shift, len), y.narrow(axis, 0, len)));
        }
        return worst;
    }

    private static double maxDiff(Tensor a, Tensor b) {
        return a.sub(b).abs().max().item();
    }
}

package org.equivariant4j.gconv.ccnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;

/**
 * The FFT route equals the engine's direct convolution to 1e-9 in float64, values and gradients,
 * on random shapes: 1D to 3D, every {@link Padding}, depthwise and full, odd and even kernels up
 * to the input's length. 1e-9 is far above FFT round-off (~1e-13 on these sizes) and far below any
 * misplacement: a kernel shifted by one tap (the negative control) is off by order 1.
 */
class FftConvTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void fftEqualsDirectOnRandomShapes() {
        Random shapes = new Random(11);
        Rng rng = new Rng(12);
        for (int trial = 0; trial < 36; trial++) {
            int d = 1 + trial % 3;
            Padding padding = Padding.values()[(trial / 3) % 3];
            boolean depthwise = (trial / 9) % 2 == 0;
            int n = 1 + shapes.nextInt(2);
            int c = 1 + shapes.nextInt(3);
            int o = depthwise ? c : 1 + shapes.nextInt(3);
            int[] xShape = new int[2 + d];
            int[] wShape = new int[2 + d];
            xShape[0] = n;
            xShape[1] = c;
            wShape[0] = o;
            wShape[1] = depthwise ? 1 : c;
            for (int i = 0; i < d; i++) {
                int len = (d == 1 ? 5 : 3) + shapes.nextInt(d == 1 ? 20 : 5);
                xShape[2 + i] = len;
                wShape[2 + i] = 1 + shapes.nextInt(len);
            }
            Tensor x = Tensors.randn(rng, DType.FLOAT64, xShape).requiresGrad(true);
            Tensor w = Tensors.randn(rng, DType.FLOAT64, wShape).requiresGrad(true);
            Tensor b = Tensors.randn(rng, DType.FLOAT64, o).requiresGrad(true);
            Tensor g = Tensors.randn(rng, DType.FLOAT64, outShape(xShape, o));
            String what = "trial " + trial + ": " + d + "D " + padding + (depthwise ? " depthwise" : " full") + " x "
                    + Arrays.toString(xShape) + " w " + Arrays.toString(wShape);

            Tensor direct = FftConv.direct(x, w, b, padding, depthwise);
            direct.backward(g);
            double[][] expected = {direct.toDoubleArray(), x.grad().toDoubleArray(), w.grad().toDoubleArray(),
                b.grad().toDoubleArray()};
            x.zeroGrad();
            w.zeroGrad();
            b.zeroGrad();
            Tensor fft = FftConv.fft(x, w, b, padding, depthwise);
            assertThat(fft.shape()).as(what).containsExactly(direct.shape());
            fft.backward(g);
            double[][] actual = {fft.toDoubleArray(), x.grad().toDoubleArray(), w.grad().toDoubleArray(), b.grad().toDoubleArray()};
            String[] parts = {"output", "input gradient", "kernel gradient", "bias gradient"};
            for (int p = 0; p < 4; p++) {
                assertThat(maxDiff(expected[p], actual[p])).as(what + " " + parts[p]).isLessThan(TOLERANCE);
            }
        }
    }

    @Test
    void aKernelShiftedByOneTapMissesTheBound() {
        Rng rng = new Rng(3);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, 1, 2, 16);
        Tensor w = Tensors.randn(rng, DType.FLOAT64, 2, 1, 5);
        Tensor shifted = w.pad(new int[] {1, 0}, org.equivariant4j.core.tensor.PadMode.CONSTANT, 0.0).narrow(2, 0, 5);
        double diff = maxDiff(FftConv.direct(x, w, null, Padding.SAME, true).toDoubleArray(),
                FftConv.fft(x, shifted, null, Padding.SAME, true).toDoubleArray());
        assertThat(diff).isGreaterThan(1e-2);
    }

    @Test
    void convolveTakesEitherRouteWithTheSameResult() {
        Rng rng = new Rng(4);
        Tensor x = Tensors.randn(rng, DType.FLOAT64, 2, 3, 80);
        for (int k : new int[] {3, FftConv.FFT_MIN_KERNEL_TAPS, 64}) {
            Tensor w = Tensors.randn(rng, DType.FLOAT64, 3, 1, k);
            assertThat(maxDiff(FftConv.direct(x, w, null, Padding.CAUSAL, true).toDoubleArray(),
                    FftConv.convolve(x, w, null, Padding.CAUSAL, true).toDoubleArray())).isLessThan(TOLERANCE);
        }
    }

    @Test
    void badShapesAreRefusedNamingTheOp() {
        Tensor x = Tensors.zeros(DType.FLOAT64, 1, 3, 8);
        assertThatThrownBy(() -> FftConv.fft(x, Tensors.zeros(DType.FLOAT64, 3, 2, 3), null, Padding.SAME, true))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("FftConv.fft").hasMessageContaining("[3, 1, *K]");
        assertThatThrownBy(() -> FftConv.fft(x, Tensors.zeros(DType.FLOAT64, 4, 2, 3), null, Padding.SAME, false))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("[O, 3, *K]");
        assertThatThrownBy(() -> FftConv.fft(x, Tensors.zeros(DType.FLOAT64, 3, 1, 9), null, Padding.CIRCULAR, true))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> FftConv.fft(Tensors.zeros(DType.FLOAT64, 3, 8), Tensors.zeros(DType.FLOAT64, 3, 1), null,
                Padding.SAME, true)).isInstanceOf(ShapeMismatchException.class);
        assertThatThrownBy(() -> FftConv.fft(x, Tensors.zeros(DType.FLOAT64, 3, 1, 3), Tensors.zeros(DType.FLOAT64, 2),
                Padding.SAME, true)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("bias");
    }

    private static int[] outShape(int[] xShape, int o) {
        int[] s = xShape.clone();
        s[1] = o;
        return s;
    }

    static double maxDiff(double[] a, double[] b) {
        assertThat(b).hasSameSizeAs(a);
        return Tensors.of(a, DType.FLOAT64, a.length).sub(Tensors.of(b, DType.FLOAT64, b.length)).abs().max().item();
    }
}

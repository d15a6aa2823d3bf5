package org.equivariant4j.gconv.ccnn;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.PadMode;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Stride-1 convolution (cross-correlation, as PyTorch's {@code conv1d/2d/3d}) of an input
 * {@code [N, C, *L]} with a kernel {@code [O, C, *K]} (full) or {@code [C, 1, *K]} (depthwise),
 * output {@code [N, O, *L]} placed by a {@link Padding}, computed either through the Fourier
 * transform or directly with the engine's convolution; both give the same values.
 *
 * <p>The FFT route costs O(L log L) per channel whatever the kernel size, the direct one O(L K):
 * for the long kernels of continuous-kernel networks (a kernel as long as the input) only the FFT
 * route is practical. Zero-padded modes transform at the next power of two of length L + K - 1,
 * so no wrap-around reaches the kept outputs; {@link Padding#CIRCULAR} transforms at L (the wrap
 * is the point) and needs K <= L. Correlation is the product with the conjugate kernel spectrum;
 * a full (channel-mixing) kernel becomes, per frequency, a complex matrix product done as four
 * batched real ones. Everything is tensor ops, so gradients flow to the input, kernel and bias.
 *
 * <p>{@link #convolve} picks the route by kernel size: FFT once the kernel has at least
 * {@link #FFT_MIN_KERNEL_TAPS} taps (product of its spatial sizes), the crossover measured in
 * {@code benchmarks/} ({@code FftConvCrossover}, {@code FftConvBenchmark}; see this module's README).
 */
public final class FftConv {
    /**
     * Kernels with at least this many taps go through the FFT. Measured with {@code FftConvCrossover}
     * in {@code benchmarks/} (causal depthwise 1D, [8, 32, L] fp32, forward + backward, CPU time of one
     * thread, 2026-12-06, load ~6): at L = 784 direct 16 / 28 / 63 ms against FFT 31 / 28 / 59 ms for
     * 64 / 128 / 256 taps; at L = 256 the crossover lies between 128 (10 vs 14 ms) and 256 taps (20 vs
     * 15 ms). Provisional until re-measured on a quiet machine (see the README).
     */
    public static final int FFT_MIN_KERNEL_TAPS = 128;

    private FftConv() {
    }

    /** The faster route for this kernel size: {@link #fft} from {@link #FFT_MIN_KERNEL_TAPS} taps, else {@link #direct}. */
    public static Tensor convolve(Tensor x, Tensor weight, Tensor bias, Padding padding, boolean depthwise) {
        int taps = Tensors.numel(Arrays.copyOfRange(weight.shape(), 2, weight.rank()));
        return taps >= FFT_MIN_KERNEL_TAPS ? fft(x, weight, bias, padding, depthwise) : direct(x, weight, bias, padding, depthwise);
    }

    /** Through the engine's convolution after explicit padding (the reference the FFT route is tested against). */
    public static Tensor direct(Tensor x, Tensor weight, Tensor bias, Padding padding, boolean depthwise) {
        int d = check("FftConv.direct", x, weight, bias, padding, depthwise);
        int[] pads = new int[2 * d];
        for (int i = 0; i < d; i++) {
            // F.pad order: the last dimension first.
            int k = weight.size(2 + i);
            pads[2 * (d - 1 - i)] = padding.before(k);
            pads[2 * (d - 1 - i) + 1] = padding.after(k);
        }
        Tensor padded = x.pad(pads, padding == Padding.CIRCULAR ? PadMode.CIRCULAR : PadMode.CONSTANT, 0.0);
        ConvSpec spec = ConvSpec.of(d).withGroups(depthwise ? x.size(1) : 1);
        return padded.conv(weight, bias, spec);
    }

    /** Through {@code rfft}/{@code irfft}. */
    public static Tensor fft(Tensor x, Tensor weight, Tensor bias, Padding padding, boolean depthwise) {
        int d = check("FftConv.fft", x, weight, bias, padding, depthwise);
        int[] length = Arrays.copyOfRange(x.shape(), 2, 2 + d);
        int[] kernel = Arrays.copyOfRange(weight.shape(), 2, 2 + d);
        int[] size = new int[d];
        int[] xPads = new int[2 * d];
        int[] wPads = new int[2 * d];
        for (int i = 0; i < d; i++) {
            int j = 2 * (d - 1 - i);
            size[i] = padding == Padding.CIRCULAR ? length[i] : fastSize(length[i] + kernel[i] - 1);
            // Zero modes: shifting the input right by `before` makes output t the correlation at t.
            xPads[j] = padding == Padding.CIRCULAR ? 0 : padding.before(kernel[i]);
            xPads[j + 1] = size[i] - length[i] - xPads[j];
            wPads[j + 1] = size[i] - kernel[i];
        }
        Tensor xs = x.pad(xPads, PadMode.CONSTANT, 0.0).rfft(d);
        Tensor ws = weight.pad(wPads, PadMode.CONSTANT, 0.0).rfft(d);
        Tensor product = depthwise ? conjugateProduct(xs, ws.squeeze(1).unsqueeze(0)) : channelMix(xs, ws, d);
        Tensor out = product.irfft(size);
        for (int i = 0; i < d; i++) {
            if (padding == Padding.CIRCULAR) {
                out = out.roll(padding.before(kernel[i]), 2 + i);
            } else {
                out = out.narrow(2 + i, 0, length[i]);
            }
        }
        if (bias != null) {
            int[] shape = new int[2 + d];
            Arrays.fill(shape, 1);
            shape[1] = bias.size(0);
            out = out.add(bias.reshape(shape));
        }
        return out;
    }

    /** {@code x * conj(w)} on [..., 2] complex tensors, broadcasting. */
    private static Tensor conjugateProduct(Tensor x, Tensor w) {
        Tensor xr = x.narrow(-1, 0, 1);
        Tensor xi = x.narrow(-1, 1, 1);
        Tensor wr = w.narrow(-1, 0, 1);
        Tensor wi = w.narrow(-1, 1, 1);
        return Tensors.concat(-1, xr.mul(wr).add(xi.mul(wi)), xi.mul(wr).sub(xr.mul(wi)));
    }

    /** {@code out[n, o, f] = sum_c x[n, c, f] conj(w[o, c, f])}: per frequency, batched real matrix products. */
    private static Tensor channelMix(Tensor xs, Tensor ws, int d) {
        int n = xs.size(0);
        int c = xs.size(1);
        int o = ws.size(0);
        int[] bins = Arrays.copyOfRange(xs.shape(), 2, 2 + d);
        int f = Tensors.numel(bins);
        // [N, C, F, 2] -> [F, N, C] per part; [O, C, F, 2] -> [F, C, O]
        Tensor x = xs.reshape(n, c, f, 2);
        Tensor w = ws.reshape(o, c, f, 2);
        Tensor xr = x.narrow(3, 0, 1).reshape(n, c, f).permute(2, 0, 1);
        Tensor xi = x.narrow(3, 1, 1).reshape(n, c, f).permute(2, 0, 1);
        Tensor wr = w.narrow(3, 0, 1).reshape(o, c, f).permute(2, 1, 0);
        Tensor wi = w.narrow(3, 1, 1).reshape(o, c, f).permute(2, 1, 0);
        Tensor re = xr.matmul(wr).add(xi.matmul(wi));
        Tensor im = xi.matmul(wr).sub(xr.matmul(wi));
        int[] shape = new int[3 + d];
        shape[0] = n;
        shape[1] = o;
        System.arraycopy(bins, 0, shape, 2, d);
        shape[2 + d] = 2;
        // [F, N, O] x2 -> [N, O, F, 2]
        return Tensors.stack(3, re.permute(1, 2, 0), im.permute(1, 2, 0)).reshape(shape);
    }

    /** The smallest power of two at least {@code n}: the radix-2 path of the engine's FFT. */
    static int fastSize(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    private static int check(String op, Tensor x, Tensor weight, Tensor bias, Padding padding, boolean depthwise) {
        int d = x.rank() - 2;
        if (d < 1 || d > 3) {
            throw new ShapeMismatchException(op + ": the input must be [N, C, *spatial] with 1 to 3 spatial dimensions, got "
                    + Arrays.toString(x.shape()));
        }
        if (weight.rank() != x.rank()) {
            throw new ShapeMismatchException(op + ": the kernel must have the input's rank " + x.rank() + " ([O, C, *K]), got "
                    + Arrays.toString(weight.shape()));
        }
        int c = x.size(1);
        boolean channelsMatch = depthwise ? weight.size(0) == c && weight.size(1) == 1 : weight.size(1) == c;
        if (!channelsMatch) {
            throw new ShapeMismatchException(op + ": for input " + Arrays.toString(x.shape()) + " a " + (depthwise ? "depthwise"
                    : "full") + " kernel must be " + (depthwise ? "[" + c + ", 1, *K]" : "[O, " + c + ", *K]") + ", got "
                    + Arrays.toString(weight.shape()));
        }
        for (int i = 0; i < d; i++) {
            if (padding == Padding.CIRCULAR && weight.size(2 + i) > x.size(2 + i)) {
                throw new InvalidArgumentException(op + ": circular convolution needs a kernel no larger than the input, got kernel "
                        + Arrays.toString(weight.shape()) + " for input " + Arrays.toString(x.shape()));
            }
        }
        if (bias != null && (bias.rank() != 1 || bias.size(0) != weight.size(0))) {
            throw new ShapeMismatchException(op + ": the bias must be [" + weight.size(0) + "], got " + Arrays.toString(bias.shape()));
        }
        return d;
    }
}

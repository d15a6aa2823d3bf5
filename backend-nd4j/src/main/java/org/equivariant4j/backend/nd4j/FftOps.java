package org.equivariant4j.backend.nd4j;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.GradMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real-input FFT over the last 1, 2 or 3 dimensions and its inverse, PyTorch's
 * {@code torch.fft.rfftn} / {@code irfftn} with {@code norm="backward"}, complex values held as a
 * trailing dimension of 2 (real, imaginary) as {@code torch.view_as_real} shows them.
 *
 * <p>The forward transform runs the last dimension as a real-to-complex transform (an even length
 * n packs its even and odd samples into one complex sequence of length n/2, transforms that and
 * separates the two halves, so it costs half a complex transform of length n) and then a complex
 * transform along each remaining transformed dimension. The inverse undoes these in the reverse
 * order; on the last dimension it reads the half spectrum as Hermitian, ignoring the imaginary
 * parts of the zero and (even length) Nyquist bins, as pocketfft does. Arithmetic is in double
 * for every dtype, the result is cast back. Independent leading slices run on the kernel threads.
 *
 * <p>Both ops are linear, so each backward is the other op with a per-frequency weight, written
 * with tensor ops (and so differentiable again): for {@code y = rfft(x)},
 * {@code dx = N * irfft(w * dy)} with {@code w} = 1 on the zero and Nyquist bins and 1/2 on the
 * others (they stand for two conjugate bins of the full spectrum); for {@code x = irfft(z)},
 * {@code dz = rfft(dx) * v / N} with {@code v} = 1 on those bins and 2 elsewhere, where N is the
 * product of the transformed sizes. The same expression serves both passes: unrecorded for first
 * order, recorded under a create-graph pass, so second-order gradients exist.
 */
final class FftOps {
    private static final long MIN_WORK_PER_PART = 1 << 14;

    private FftOps() {
    }

    static Nd4jTensor rfft(Nd4jTensor x, int dims) {
        String op = "rfft";
        checkDims(op, x, dims, 0);
        int[] shape = x.shape();
        int[] sizes = Arrays.copyOfRange(shape, shape.length - dims, shape.length);
        for (int s : sizes) {
            if (s == 0) {
                throw new ShapeMismatchException(op + ": cannot transform an empty dimension, shape " + Arrays.toString(shape));
            }
        }
        int[] outShape = Arrays.copyOf(shape, shape.length + 1);
        outShape[shape.length - 1] = sizes[dims - 1] / 2 + 1;
        outShape[shape.length] = 2;
        DataType type = x.value().dataType();
        AllocationLimit.check(op, outShape, type);
        double[] out = forwardValues(doubles(x.value()), sizes);
        INDArray value = array(out, outShape, type);
        return recordLinear(op, value, x, g -> rfftBackward(g, sizes, type));
    }

    /**
     * Records a linear op whose backward is itself written in tensor ops: the first-order backward runs it with
     * recording off on the raw gradient, the create-graph backward runs it recorded.
     */
    private static Nd4jTensor recordLinear(String op, INDArray value, Nd4jTensor input, UnaryOperator<Nd4jTensor> backward) {
        return Nd4jTensor.record(op, value, g -> {
            try (GradMode.Scope ignored = GradMode.disabled()) {
                return new INDArray[] {backward.apply(Nd4jTensor.leaf(g)).value()};
            }
        }, (g, y) -> new Nd4jTensor[] {backward.apply(g)}, input);
    }

    /** {@code N * irfft(w * g)}: rfft's backward in tensor ops, recorded when a create-graph pass runs it. */
    private static Nd4jTensor rfftBackward(Nd4jTensor g, int[] sizes, DataType type) {
        Nd4jTensor weighted = (Nd4jTensor) g.mul(binWeights(sizes[sizes.length - 1], 0.5, type));
        return (Nd4jTensor) irfft(weighted, sizes).mul(product(sizes));
    }

    static Nd4jTensor irfft(Nd4jTensor z, int[] sizes) {
        String op = "irfft";
        int dims = sizes.length;
        checkDims(op, z, dims, 1);
        int[] shape = z.shape();
        int lead = shape.length - 1 - dims;
        int[] expected = Arrays.copyOf(shape, shape.length);
        for (int i = 0; i < dims; i++) {
            if (sizes[i] <= 0) {
                throw new InvalidArgumentException(op + ": output sizes must be positive, got " + Arrays.toString(sizes));
            }
            expected[lead + i] = sizes[i];
        }
        expected[lead + dims - 1] = sizes[dims - 1] / 2 + 1;
        expected[shape.length - 1] = 2;
        if (!Arrays.equals(expected, shape)) {
            throw new ShapeMismatchException(op + ": for output sizes " + Arrays.toString(sizes) + " the input must have shape "
                    + Arrays.toString(expected) + " (half spectrum, then 2 for real and imaginary parts), got "
                    + Arrays.toString(shape));
        }
        int[] outShape = Arrays.copyOf(shape, shape.length - 1);
        System.arraycopy(sizes, 0, outShape, lead, dims);
        DataType type = z.value().dataType();
        AllocationLimit.check(op, outShape, type);
        double[] out = inverseValues(doubles(z.value()), sizes);
        INDArray value = array(out, outShape, type);
        return recordLinear(op, value, z, g -> irfftBackward(g, sizes, type));
    }

    /** {@code rfft(g) * v / N}: irfft's backward in tensor ops, recorded when a create-graph pass runs it. */
    private static Nd4jTensor irfftBackward(Nd4jTensor g, int[] sizes, DataType type) {
        Nd4jTensor spectrum = rfft(g, sizes.length);
        return (Nd4jTensor) spectrum.mul(binWeights(sizes[sizes.length - 1], 2.0, type)).div(product(sizes));
    }

    // ---------------------------------------------------------------- value kernels

    /** rfftn of row-major {@code data} over trailing {@code sizes}; interleaved (re, im) half spectrum. */
    private static double[] forwardValues(double[] data, int[] sizes) {
        int n = sizes[sizes.length - 1];
        int bins = n / 2 + 1;
        int block = product(sizes);
        int outer = data.length / block;
        int spectrum = block / n * bins;
        double[] out = new double[2 * outer * spectrum];
        int[] half = sizes.clone();
        half[sizes.length - 1] = bins;
        inParts(outer, block, (from, to) -> {
            int count = to - from;
            double[] re = new double[count * spectrum];
            double[] im = new double[count * spectrum];
            RealLines.forward(data, from * block, n, count * (block / n), re, im);
            for (int axis = 0; axis < sizes.length - 1; axis++) {
                alongAxis(re, im, half, axis, false);
            }
            interleave(re, im, out, 2 * from * spectrum);
        });
        return out;
    }

    /** irfftn of interleaved half spectra to real row-major data of trailing {@code sizes}, scaled by 1/N. */
    private static double[] inverseValues(double[] data, int[] sizes) {
        int n = sizes[sizes.length - 1];
        int bins = n / 2 + 1;
        int block = product(sizes);
        int spectrum = block / n * bins;
        int outer = data.length / (2 * spectrum);
        double[] out = new double[outer * block];
        double scale = 1.0 / block;
        int[] half = sizes.clone();
        half[sizes.length - 1] = bins;
        inParts(outer, block, (from, to) -> {
            int count = to - from;
            double[] re = new double[count * spectrum];
            double[] im = new double[count * spectrum];
            for (int i = 0; i < re.length; i++) {
                re[i] = data[2 * (from * spectrum + i)];
                im[i] = data[2 * (from * spectrum + i) + 1];
            }
            for (int axis = 0; axis < sizes.length - 1; axis++) {
                alongAxis(re, im, half, axis, true);
            }
            RealLines.inverse(re, im, n, count * (block / n), out, from * block, scale);
        });
        return out;
    }

    /** A contiguous range {@code [from, to)} of leading slices, transformed with one set of scratch arrays. */
    private interface Part {
        void run(int from, int to);
    }

    /** Runs {@code part} over all leading slices, split over the kernel threads when the work pays for it. */
    private static void inParts(int outer, int block, Part part) {
        int threads = KernelThreads.parallelism();
        int parts = Math.max(1, Math.min(outer, KernelThreads.parts((long) outer * block, MIN_WORK_PER_PART, threads, 2)));
        KernelThreads.run(parts, threads, p -> part.run((int) ((long) outer * p / parts), (int) ((long) outer * (p + 1) / parts)));
    }

    /** Complex transform along {@code axis} of consecutive row-major arrays of {@code shape} held in (re, im). */
    private static void alongAxis(double[] re, double[] im, int[] shape, int axis, boolean inverse) {
        int len = shape[axis];
        if (len == 1) {
            return;
        }
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int outerCount = re.length / (len * inner);
        FftPlan plan = FftPlan.forLength(len);
        double[] lr = new double[len];
        double[] li = new double[len];
        for (int o = 0; o < outerCount; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * len * inner + j;
                for (int k = 0; k < len; k++) {
                    lr[k] = re[base + k * inner];
                    li[k] = im[base + k * inner];
                }
                if (inverse) {
                    plan.inverse(lr, li, 0);
                } else {
                    plan.forward(lr, li, 0);
                }
                for (int k = 0; k < len; k++) {
                    re[base + k * inner] = lr[k];
                    im[base + k * inner] = li[k];
                }
            }
        }
    }

    private static void interleave(double[] re, double[] im, double[] out, int offset) {
        for (int i = 0; i < re.length; i++) {
            out[offset + 2 * i] = re[i];
            out[offset + 2 * i + 1] = im[i];
        }
    }

    // ---------------------------------------------------------------- helpers

    /** {@code [bins, 1]}: {@code interior} on the bins that stand for two conjugate bins, 1 on the zero and Nyquist bins. */
    private static Nd4jTensor binWeights(int n, double interior, DataType type) {
        int bins = n / 2 + 1;
        double[] w = new double[bins];
        Arrays.fill(w, interior);
        w[0] = 1;
        if (n % 2 == 0) {
            w[bins - 1] = 1;
        }
        return Nd4jTensor.leaf(Nd4j.create(w, new long[] {bins, 1}, DataType.DOUBLE).castTo(type));
    }

    private static void checkDims(String op, Nd4jTensor t, int dims, int extra) {
        if (dims < 1 || dims > 3) {
            throw new InvalidArgumentException(op + ": transforms 1, 2 or 3 trailing dimensions, asked for " + dims);
        }
        if (t.rank() < dims + extra) {
            throw new ShapeMismatchException(op + ": over " + dims + " dimensions needs rank at least " + (dims + extra)
                    + ", got shape " + Arrays.toString(t.shape()));
        }
        if (!t.value().dataType().isFPType()) {
            throw new DTypeMismatchException(op + ": the input must be floating, was " + t.dtype());
        }
    }

    /**
     * A new {@code type} array of {@code shape} holding {@code values}, written by one bulk copy
     * ({@code Nd4j.create(double[])} and {@code toDoubleVector} go element by element and cost more
     * than the transform itself).
     */
    private static INDArray array(double[] values, int[] shape, DataType type) {
        if (!HostArray.supports(type)) {
            return array(values, shape, DataType.DOUBLE).castTo(type);
        }
        INDArray out = Nd4j.createUninitialized(type, toLong(shape), 'c');
        if (values.length == 0) {
            return out;
        }
        HostArray host = HostArray.of(out);
        if (type == DataType.DOUBLE) {
            host.put(0, values, 0, values.length);
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            host.put(0, f, 0, f.length);
        }
        return out;
    }

    /** The values of {@code a} in row-major order, read by one bulk copy. */
    private static double[] doubles(INDArray a) {
        if (a.length() == 0) {
            return new double[0];
        }
        INDArray dense = HostArray.usable(HostArray.supports(a.dataType()) ? a : a.castTo(DataType.DOUBLE));
        HostArray host = HostArray.of(dense);
        int n = Math.toIntExact(dense.length());
        double[] out = new double[n];
        if (host.isDouble()) {
            host.get(0, out, 0, n);
        } else {
            float[] f = new float[n];
            host.get(0, f, 0, n);
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        }
        return out;
    }

    private static int product(int[] sizes) {
        int p = 1;
        for (int s : sizes) {
            p *= s;
        }
        return p;
    }

    private static long[] toLong(int[] shape) {
        long[] l = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            l[i] = shape[i];
        }
        return l;
    }
}

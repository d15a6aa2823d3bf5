package org.equivariant4j.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolutions and transposed convolutions (PyTorch's semantics and layouts: activations
 * {@code [N, C, *spatial]}, weights {@code [O, C / groups, *k]} and {@code [C, O / groups, *k]})
 * and their gradients as column-matrix GEMMs ({@link ColumnGemm}), for float32 and float64 on the
 * CPU backend. Any stride, padding, dilation, output padding and number of groups, over 1, 2 or 3
 * spatial dimensions. {@link ConvKernelSelection} decides when this path is used.
 *
 * <p>Why, against libnd4j's native ops (A/B in one JVM, 2026-11-27, 2-core machine type; two
 * threads, wall time, min of 15 runs, on a quiet machine, load average 1.5-2):
 * <ul>
 * <li>dilated convolutions: 1.2 ms instead of 19 (oneDNN refuses dilation in this ND4J version,
 *     so the native path detours through libnd4j's float64 kernels); PyTorch 1.4;</li>
 * <li>groups: 3.8 ms instead of 12 (one pass instead of an op, two slices and a concat per
 *     group); PyTorch 3.7;</li>
 * <li>fwd+bwd: [64, 8, 28²] to 16 channels 5.1-5.4 ms instead of 5.6-6.5 (PyTorch 2.7); [8, 4,
 *     32³] to 8 22-29 ms instead of 38-41, whose {@code conv3dnew_bp} is slow (PyTorch 42);</li>
 * <li>on a loaded machine (load 9-11) the native ops fork OpenMP teams that wait for each other's
 *     preempted threads (conv2d fwd+bwd median 236 ms), while these kernels split work into lanes
 *     that meet only at the final join (58 ms);</li>
 * <li>but plain float32 forwards are slower than oneDNN's direct convolutions: 2.7 ms against
 *     2.0-2.2 for the 2D layer, 8.8-9.5 against 5.2-5.5 for the 3D one (PyTorch 0.5 and 3.7),
 *     and a stride-2 transposed convolution fwd+bwd takes 0.9 ms against 0.6 (PyTorch 7.9): the
 *     column matrix is {@code T} times the input, and building it is about half of the work.
 *     (Running those forwards on oneDNN and the backward here was tried and lost: OpenMP's
 *     spinning threads then slowed the kernel threads, 10 ms instead of 5 for the 2D fwd+bwd.)</li>
 * </ul>
 * Much of a forward's time, on either path, is not the convolution but allocating its result:
 * a fresh ND4J array costs about 0.45 ms per MB of page faults on this VM (3.5 ms for the 3D
 * layer's 8.4 MB output), a recycled one (after {@code close()}) 0.05 ms per MB.
 *
 * <p>All arrays passed in must be {@link #usable usable directly}; results are new arrays. Shapes
 * are validated by the caller ({@code ConvChecks}); the geometry carries the spatial extents.
 */
final class GemmConvolution {

    private GemmConvolution() {
    }

    /**
     * {@code x [N, C, *s]} convolved with {@code w [O, C/groups, *k]}, plus {@code b [O]} when not
     * null, where {@code geometry}'s image is {@code s} and its grid the output extent.
     */
    public static INDArray conv(INDArray x, INDArray w, INDArray b, ConvGeometry geometry, int groups) {
        INDArray out = Nd4j.createUninitialized(x.dataType(), withChannels(x.size(0), w.size(0), x.rank(), geometry, false));
        ColumnGemm.run(convShape(x, w, geometry, groups), HostArray.of(w), null, HostArray.of(x), HostArray.of(out), bias(b),
                null, null, null);
        return out;
    }

    /**
     * Gradients of {@link #conv} given the output gradient {@code gradOut}: input, weight and bias,
     * each null when not asked for ({@code needInput}, {@code needWeight}, {@code hasBias}).
     */
    public static INDArray[] convBackward(INDArray x, INDArray w, INDArray gradOut, ConvGeometry geometry, int groups,
            boolean needInput, boolean needWeight, boolean hasBias) {
        ColumnGemm.Shape shape = convShape(x, w, geometry, groups);
        INDArray gx = needInput ? Nd4j.createUninitialized(x.dataType(), x.shape()) : null;
        INDArray gw = needWeight ? Nd4j.createUninitialized(w.dataType(), w.shape()) : null;
        HostArray g = HostArray.of(gradOut);
        if (needInput || needWeight) {
            ColumnGemm.run(shape, HostArray.of(w), g, needWeight ? HostArray.of(x) : null, null, null, host(gx), null, host(gw));
        }
        INDArray gb = hasBias ? sums(gradOut, g, shape.samples(), shape.gridChannels(), geometry.gridSize()) : null;
        return new INDArray[] {gx, gw, gb};
    }

    /**
     * {@code x [N, C, *s]} transposed-convolved with {@code w [C, O/groups, *k]}, plus {@code b [O]}
     * when not null, where {@code geometry}'s grid is {@code s} and its image the output extent
     * (output padding included).
     */
    public static INDArray convTranspose(INDArray x, INDArray w, INDArray b, ConvGeometry geometry, int groups) {
        INDArray out = Nd4j.createUninitialized(x.dataType(),
                withChannels(x.size(0), w.size(1) * groups, x.rank(), geometry, true));
        ColumnGemm.run(transposeShape(x, w, geometry, groups), HostArray.of(w), HostArray.of(x), null, null, null,
                HostArray.of(out), bias(b), null);
        return out;
    }

    /** Gradients of {@link #convTranspose}, as in {@link #convBackward}. */
    public static INDArray[] convTransposeBackward(INDArray x, INDArray w, INDArray gradOut, ConvGeometry geometry, int groups,
            boolean needInput, boolean needWeight, boolean hasBias) {
        ColumnGemm.Shape shape = transposeShape(x, w, geometry, groups);
        INDArray gx = needInput ? Nd4j.createUninitialized(x.dataType(), x.shape()) : null;
        INDArray gw = needWeight ? Nd4j.createUninitialized(w.dataType(), w.shape()) : null;
        HostArray g = HostArray.of(gradOut);
        if (needInput || needWeight) {
            ColumnGemm.run(shape, HostArray.of(w), needWeight ? HostArray.of(x) : null, g, host(gx), null, null, null, host(gw));
        }
        INDArray gb = hasBias ? sums(gradOut, g, shape.samples(), shape.imageChannels(), geometry.imageSize()) : null;
        return new INDArray[] {gx, gw, gb};
    }

    /**
     * Whether the kernels can index arrays of these lengths: they address host memory through NIO
     * buffers, whose indices are ints. Larger convolutions stay on the native ops.
     */
    public static boolean fits(long... lengths) {
        for (long n : lengths) {
            if (n >= Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** {@code a} itself when the kernels can use it as it is, otherwise a dense row-major copy. */
    public static INDArray usable(INDArray a) {
        return HostArray.usable(a);
    }

    private static HostArray host(INDArray a) {
        return a == null ? null : HostArray.of(a);
    }

    private static ColumnGemm.Shape convShape(INDArray x, INDArray w, ConvGeometry geometry, int groups) {
        return new ColumnGemm.Shape(Math.toIntExact(x.size(0)), Math.toIntExact(w.size(0)), Math.toIntExact(x.size(1)), groups,
                geometry);
    }

    private static ColumnGemm.Shape transposeShape(INDArray x, INDArray w, ConvGeometry geometry, int groups) {
        return new ColumnGemm.Shape(Math.toIntExact(x.size(0)), Math.toIntExact(x.size(1)),
                Math.toIntExact(w.size(1) * groups), groups, geometry);
    }

    /** {@code [n, channels, *extent]}, the extent being the image's or the grid's, in {@code rank - 2} dimensions. */
    private static long[] withChannels(long n, long channels, int rank, ConvGeometry geometry, boolean image) {
        long[] extent = image ? geometry.imageExtent() : geometry.gridExtent();
        long[] shape = new long[rank];
        shape[0] = n;
        shape[1] = channels;
        System.arraycopy(extent, 3 - (rank - 2), shape, 2, rank - 2);
        return shape;
    }

    private static double[] bias(INDArray b) {
        return b == null ? null : b.toDoubleVector();
    }

    private static INDArray sums(INDArray like, HostArray t, int samples, int channels, int positions) {
        return Nd4j.createFromArray(ChannelSums.of(t, samples, channels, positions)).castTo(like.dataType());
    }
}

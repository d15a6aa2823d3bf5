package org.equivariant4j.backend.nd4j.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolutions and transposed convolutions (PyTorch's semantics and layouts: activations
 * {@code [N, C, *spatial]}, weights {@code [O, C / groups, *k]} and {@code [C, O / groups, *k]})
 * and their gradients as column-matrix GEMMs ({@link ColumnGemm}), for float32 and float64 on the
 * CPU backend. Any stride, padding, dilation, output padding and number of groups, over 1, 2 or 3
 * spatial dimensions. {@link ConvKernelSelection} decides when this path is used.
 *
 * <p>Why, against libnd4j's native ops (measured 2026-11-27 on the 2-core machine type under a
 * load average of 9-11, so as thread CPU time with one thread, and wall time with two):
 * <ul>
 * <li>dilated convolutions: 15-50x faster, oneDNN refusing them in this ND4J version;</li>
 * <li>groups: 4x faster (one pass instead of an op, two slices and a concat per group);</li>
 * <li>3D backward: the {@code conv3dnew_bp} op is slow, fwd+bwd 41 ms instead of 70 ([8, 4, 32³],
 *     3³ kernel; PyTorch 64);</li>
 * <li>two threads on a loaded machine: the native ops fork OpenMP teams that wait for each
 *     other's preempted threads (conv2d fwd+bwd median 236 ms), while these kernels split work
 *     into lanes that need no barrier but the final join (58 ms);</li>
 * <li>but plain float32 forwards cost about 20% more CPU than oneDNN's direct convolutions
 *     (conv2d [64, 8, 28²] to 16: 4.2 ms against 3.5; PyTorch 0.9), and a stride-2 transposed
 *     convolution 1.7x more: the column matrix is {@code T} times the input, and copying it is
 *     about half of the time.</li>
 * </ul>
 * A third or more of a forward's time, on either path, is not the convolution but allocating its
 * result: every fresh ND4J array costs about 0.5 ms per MB of page faults on this VM.
 *
 * <p>All arrays passed in must be {@link #usable usable directly}; results are new arrays. Shapes
 * are validated by the caller ({@code ConvChecks}); the geometry carries the spatial extents.
 */
public final class GemmConvolution {

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

package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.ConvSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Argument checks of {@code conv} and {@code convTranspose}, run before any native call so that a
 * bad argument fails with a message naming the op and the shapes rather than with a libnd4j
 * stack trace.
 */
final class ConvChecks {

    private ConvChecks() {
    }

    /**
     * Checks dtypes, ranks, channel counts, groups and bias of a convolution ({@code transposed}
     * false: weight {@code [O, C/groups, *k]}) or a transposed one ({@code [C, O/groups, *k]}).
     *
     * @return the number of output channels
     */
    static long check(String op, Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec, boolean transposed) {
        String shapes = "input " + Arrays.toString(x.shape()) + " and weight " + Arrays.toString(w.shape());
        requireFloating(op, x, w, b);
        int d = spec.spatialDims();
        if (d < 1 || d > 3) {
            throw new ShapeMismatchException(op + ": 1, 2 or 3 spatial dimensions are supported, " + spec + " has " + d
                    + " (" + shapes + ")");
        }
        if (x.rank() != d + 2 || w.rank() != d + 2) {
            throw new ShapeMismatchException(op + ": " + d + " spatial dimension(s) need a rank-" + (d + 2) + " input [N, C, "
                    + spatialNames(d) + "] and a rank-" + (d + 2) + " weight, got " + shapes);
        }
        // An empty batch gives an empty result, as in PyTorch; no channels or an empty spatial extent is refused.
        int[] shape = x.shape();
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] == 0) {
                throw new ShapeMismatchException(op + ": dimension " + i + " of the input is empty (size 0); only the batch"
                        + " dimension may be 0, got " + shapes);
            }
        }
        int groups = spec.groups();
        long channels = x.size(1);
        if (channels % groups != 0) {
            throw new ShapeMismatchException(op + ": groups=" + groups + " must divide the " + channels + " input channels, got "
                    + shapes);
        }
        long outChannels;
        if (transposed) {
            // weight [C, O/groups, *k]
            if (w.size(0) != channels) {
                throw new ShapeMismatchException(op + ": weight [C, O/groups, *kernel] must have " + channels
                        + " rows (one per input channel), got " + shapes);
            }
            outChannels = w.size(1) * (long) groups;
        } else {
            // weight [O, C/groups, *k]
            if (w.size(1) * (long) groups != channels) {
                throw new ShapeMismatchException(op + ": weight [O, C/groups, *kernel] must have " + channels / groups
                        + " input channels per group (" + channels + " channels / groups=" + groups + "), got " + shapes);
            }
            outChannels = w.size(0);
            if (outChannels % groups != 0) {
                throw new ShapeMismatchException(op + ": groups=" + groups + " must divide the " + outChannels
                        + " output channels, got " + shapes);
            }
        }
        for (int i = 0; i < w.rank(); i++) {
            if (w.size(i) == 0) {
                throw new ShapeMismatchException(op + ": empty weights are not supported, got " + shapes);
            }
        }
        if (b != null && (b.rank() != 1 || b.size(0) != outChannels)) {
            throw new ShapeMismatchException(op + ": bias must be [" + outChannels + "] (one per output channel), got "
                    + Arrays.toString(b.shape()) + " with " + shapes);
        }
        return outChannels;
    }

    /** Throws when a spatial output extent is below 1, naming the op, the shapes and the geometry. */
    static void requirePositive(String op, long[] outSize, Nd4jTensor x, Nd4jTensor w, ConvSpec spec) {
        for (long s : outSize) {
            if (s < 1) {
                throw new ShapeMismatchException(op + ": input " + Arrays.toString(x.shape()) + " is too small for weight "
                        + Arrays.toString(w.shape()) + " with " + spec + ": the output would be " + Arrays.toString(outSize));
            }
        }
    }

    /** Refuses (see {@link AllocationLimit}) an {@code [N, channels, *spatial]} result with the batch of {@code x}. */
    static void requireAllocatable(String op, Nd4jTensor x, long channels, long[] spatial) {
        long[] shape = new long[spatial.length + 2];
        shape[0] = x.size(0);
        shape[1] = channels;
        System.arraycopy(spatial, 0, shape, 2, spatial.length);
        AllocationLimit.check(op, shape, x.value().dataType());
    }

    /** The result of a convolution of an empty batch: empty, with a zero gradient for every input (see {@link EmptyOps}). */
    static Nd4jTensor emptyBatch(String op, Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, long channels, long[] spatial) {
        long[] shape = new long[spatial.length + 2];
        shape[1] = channels;
        System.arraycopy(spatial, 0, shape, 2, spatial.length);
        INDArray out = Nd4j.create(x.value().dataType(), shape);
        return b == null ? EmptyOps.result(op, out, x, w) : EmptyOps.result(op, out, x, w, b);
    }

    static void requireFloating(String op, Nd4jTensor x, Nd4jTensor w, Nd4jTensor b) {
        if (!x.dtype().isFloating()) {
            throw new DTypeMismatchException(op + ": the input must be floating, was " + x.dtype());
        }
        if (w.dtype() != x.dtype() || (b != null && b.dtype() != x.dtype())) {
            throw new DTypeMismatchException(op + ": input, weight and bias must share a dtype, got " + x.dtype() + ", "
                    + w.dtype() + (b == null ? "" : ", " + b.dtype()) + "; convert with to(DType)");
        }
    }

    static String spatialNames(int d) {
        return switch (d) {
            case 1 -> "L";
            case 2 -> "H, W";
            default -> "D, H, W";
        };
    }

    static long[] spatial(Nd4jTensor t) {
        long[] s = t.value().shape();
        return Arrays.copyOfRange(s, 2, s.length);
    }
}

package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * libnd4j's native convolution kernels ({@code conv2d}, {@code conv3dnew}, {@code deconv2d},
 * {@code deconv3d} and their {@code _bp} ops) called with PyTorch's layouts, so that callers never
 * permute anything.
 *
 * <p>Layouts: activations are NC[D]HW (data-format argument 0) and weights use libnd4j's
 * {@code wFormat = 1}, which is {@code [O, C, *k]} for a convolution and {@code [C, O, *k]} for a
 * transposed one: exactly PyTorch's {@code Conv} and {@code ConvTranspose} weights. Padding is
 * symmetric and explicit (padding mode VALID), which is PyTorch's arithmetic.
 *
 * <p>One spatial dimension runs as two with a leading unit dimension (kernel 1, stride 1, no
 * padding): libnd4j's own {@code conv1d} does the same internally. libnd4j has no grouped
 * convolution, so {@code groups > 1} runs one native op per group on that group's channel slice
 * and concatenates the results along the channel dimension. That costs {@code groups} calls
 * instead of the {@code groups}-fold arithmetic a block-diagonal weight would cost; grouped
 * convolutions in our layers use few groups. (Depthwise convolutions with many groups would be
 * better served by libnd4j's {@code depthwise_conv2d}; not done yet.)
 *
 * <p>oneDNN, which runs the float32 kernels, fails to build dilated convolution primitives in this
 * ND4J version ("could not create a descriptor for a dilated convolution forward propagation
 * primitive", also from {@code deconv2d_bp}, which convolves internally). Dilated float32 calls
 * therefore run in float64 through libnd4j's own kernels and are rounded back to float32: exact,
 * slower, and rare in our layers. (Zero-inserting the kernel would keep oneDNN at the cost of the
 * extra multiplications.)
 *
 * <p>All arrays passed in must be dense row-major; outputs are fresh row-major arrays.
 */
final class NativeConv {

    /** An ordinary convolution or its transpose. */
    enum Kind { CONV, TRANSPOSED }

    /** Per-dimension stride, symmetric zero padding and dilation, as handed to the native op. */
    record Geometry(int[] stride, int[] padding, int[] dilation) {

        int dims() {
            return stride.length;
        }

        /** The same geometry with a leading unit dimension (1D through 2D). */
        Geometry lifted() {
            return new Geometry(prepend(1, stride), prepend(0, padding), prepend(1, dilation));
        }
    }

    private NativeConv() {
    }

    /** Spatial output extents for inputs {@code in} and kernel {@code kernel} (no output padding). */
    static long[] outputSize(Kind kind, long[] in, long[] kernel, Geometry g) {
        long[] out = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            long span = (long) g.dilation()[i] * (kernel[i] - 1) + 1;
            out[i] = kind == Kind.CONV
                    ? Math.floorDiv(in[i] + 2L * g.padding()[i] - span, g.stride()[i]) + 1
                    : (in[i] - 1) * g.stride()[i] - 2L * g.padding()[i] + span;
        }
        return out;
    }

    /** The convolution of {@code x [N, C, *s]} with {@code w}; {@code b [O]} may be null. */
    static INDArray forward(Kind kind, INDArray x, INDArray w, INDArray b, Geometry g, int groups) {
        if (needsDoublePrecisionDetour(x, g)) {
            return forward(kind, toDouble(x), toDouble(w), toDouble(b), g, groups).castTo(DataType.FLOAT);
        }
        if (groups == 1) {
            return forwardOne(kind, x, w, b, g);
        }
        INDArray[] parts = new INDArray[groups];
        for (int k = 0; k < groups; k++) {
            parts[k] = forwardOne(kind, slice(x, 1, k, groups), slice(w, 0, k, groups),
                    b == null ? null : slice(b, 0, k, groups), g);
        }
        return Nd4j.concat(1, parts);
    }

    /**
     * Gradients of {@link #forward} with respect to {@code x}, {@code w} and {@code b} (the last
     * null when {@code b} is) given the output gradient {@code gradOut}.
     */
    static INDArray[] backward(Kind kind, INDArray x, INDArray w, INDArray b, INDArray gradOut, Geometry g, int groups) {
        if (needsDoublePrecisionDetour(x, g)) {
            INDArray[] r = backward(kind, toDouble(x), toDouble(w), toDouble(b), toDouble(gradOut), g, groups);
            return new INDArray[] {toFloat(r[0]), toFloat(r[1]), toFloat(r[2])};
        }
        if (groups == 1) {
            return backwardOne(kind, x, w, b, gradOut, g);
        }
        INDArray[][] parts = new INDArray[groups][];
        for (int k = 0; k < groups; k++) {
            parts[k] = backwardOne(kind, slice(x, 1, k, groups), slice(w, 0, k, groups),
                    b == null ? null : slice(b, 0, k, groups), slice(gradOut, 1, k, groups), g);
        }
        return new INDArray[] {concat(1, parts, 0), concat(0, parts, 1), b == null ? null : concat(0, parts, 2)};
    }

    /** Float32 with a dilation: a case oneDNN rejects (see the class comment). */
    private static boolean needsDoublePrecisionDetour(INDArray x, Geometry g) {
        if (x.dataType() != DataType.FLOAT) {
            return false;
        }
        for (int dl : g.dilation()) {
            if (dl > 1) {
                return true;
            }
        }
        return false;
    }

    private static INDArray toDouble(INDArray a) {
        return a == null ? null : a.castTo(DataType.DOUBLE);
    }

    private static INDArray toFloat(INDArray a) {
        return a == null ? null : a.castTo(DataType.FLOAT);
    }

    private static INDArray forwardOne(Kind kind, INDArray x, INDArray w, INDArray b, Geometry g) {
        if (g.dims() == 1) {
            return dropUnitDim(forwardOne(kind, addUnitDim(x), addUnitDim(w), b, g.lifted()));
        }
        long[] outShape = outputShape(kind, x, w, g);
        // Zero-filled: the transposed kernels accumulate into their output (col2im).
        INDArray out = Nd4j.create(x.dataType(), outShape, 'c');
        INDArray[] inputs = b == null ? new INDArray[] {x, w} : new INDArray[] {x, w, b};
        Nd4j.exec(DynamicCustomOp.builder(opName(kind, g.dims(), false)).addInputs(inputs).addOutputs(out)
                .addIntegerArguments(intArgs(w, g)).build());
        return out;
    }

    private static INDArray[] backwardOne(Kind kind, INDArray x, INDArray w, INDArray b, INDArray gradOut, Geometry g) {
        if (g.dims() == 1) {
            INDArray[] r = backwardOne(kind, addUnitDim(x), addUnitDim(w), b, addUnitDim(gradOut), g.lifted());
            return new INDArray[] {dropUnitDim(r[0]), dropUnitDim(r[1]), r[2]};
        }
        INDArray gx = Nd4j.create(x.dataType(), x.shape(), 'c');
        INDArray gw = Nd4j.create(w.dataType(), w.shape(), 'c');
        INDArray gb = b == null ? null : Nd4j.create(b.dataType(), b.shape(), 'c');
        INDArray[] inputs = b == null ? new INDArray[] {x, w, gradOut} : new INDArray[] {x, w, b, gradOut};
        INDArray[] outputs = b == null ? new INDArray[] {gx, gw} : new INDArray[] {gx, gw, gb};
        Nd4j.exec(DynamicCustomOp.builder(opName(kind, g.dims(), true)).addInputs(inputs).addOutputs(outputs)
                .addIntegerArguments(intArgs(w, g)).build());
        return new INDArray[] {gx, gw, gb};
    }

    private static String opName(Kind kind, int dims, boolean backprop) {
        String name = switch (kind) {
            case CONV -> dims == 2 ? "conv2d" : "conv3dnew";
            case TRANSPOSED -> dims == 2 ? "deconv2d" : "deconv3d";
        };
        return backprop ? name + "_bp" : name;
    }

    /** kernel, stride, padding, dilation per dimension, then VALID padding mode, NC[D]HW data, wFormat 1. */
    private static int[] intArgs(INDArray w, Geometry g) {
        int d = g.dims();
        int[] args = new int[4 * d + 3];
        for (int i = 0; i < d; i++) {
            args[i] = (int) w.size(2 + i);
            args[d + i] = g.stride()[i];
            args[2 * d + i] = g.padding()[i];
            args[3 * d + i] = g.dilation()[i];
        }
        args[4 * d] = 0;
        args[4 * d + 1] = 0;
        args[4 * d + 2] = 1;
        return args;
    }

    private static long[] outputShape(Kind kind, INDArray x, INDArray w, Geometry g) {
        int d = g.dims();
        long[] in = Arrays.copyOfRange(x.shape(), 2, 2 + d);
        long[] kernel = Arrays.copyOfRange(w.shape(), 2, 2 + d);
        long[] spatial = outputSize(kind, in, kernel, g);
        long outChannels = kind == Kind.CONV ? w.size(0) : w.size(1);
        long[] shape = new long[d + 2];
        shape[0] = x.size(0);
        shape[1] = outChannels;
        System.arraycopy(spatial, 0, shape, 2, d);
        return shape;
    }

    /** Group {@code k} of {@code groups} equal parts of dimension {@code dim}, as a dense copy. */
    private static INDArray slice(INDArray a, int dim, int k, int groups) {
        long part = a.size(dim) / groups;
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        Arrays.fill(idx, NDArrayIndex.all());
        idx[dim] = NDArrayIndex.interval(k * part, (k + 1) * part);
        return a.get(idx).dup('c');
    }

    private static INDArray concat(int dim, INDArray[][] parts, int which) {
        INDArray[] arrays = new INDArray[parts.length];
        for (int k = 0; k < parts.length; k++) {
            arrays[k] = parts[k][which];
        }
        return Nd4j.concat(dim, arrays);
    }

    /** {@code [A, B, L]} as {@code [A, B, 1, L]}. */
    private static INDArray addUnitDim(INDArray a) {
        return a.reshape('c', a.size(0), a.size(1), 1, a.size(2));
    }

    private static INDArray dropUnitDim(INDArray a) {
        return a.reshape('c', a.size(0), a.size(1), a.size(3));
    }

    /**
     * {@code a} itself when it is a dense row-major array, otherwise a row-major copy: the native
     * kernels (oneDNN's in particular) are only exercised on such arrays here.
     */
    static INDArray rowMajor(INDArray a) {
        if (a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a) && a.offset() == 0 && !a.isView()) {
            return a;
        }
        return a.dup('c');
    }

    private static int[] prepend(int value, int[] a) {
        int[] out = new int[a.length + 1];
        out[0] = value;
        System.arraycopy(a, 0, out, 1, a.length);
        return out;
    }
}

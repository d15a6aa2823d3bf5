package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.PoolSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max and average pooling over 1, 2 or 3 spatial dimensions (NC[D]HW), as PyTorch with
 * {@code ceil_mode=False}: padded positions never win a max and are not counted in an average
 * ({@code count_include_pad=False}). Forward and backward are libnd4j's {@code maxpool2d},
 * {@code avgpool2d}, {@code maxpool3dnew}, {@code avgpool3dnew} and their {@code _bp} ops; one
 * spatial dimension runs as two with a leading unit dimension. Adaptive pooling is in
 * {@link AdaptivePoolOps}.
 *
 * <p>The max-pool gradient goes to the first maximal entry of each window (ties are resolved as
 * libnd4j does; PyTorch also picks one entry).
 */
final class PoolOps {

    /** libnd4j's avg-pool divisor mode 0: divide by the number of non-padding positions. */
    private static final int EXCLUDE_PADDING = 0;

    private PoolOps() {
    }

    public static Nd4jTensor maxPool(Nd4jTensor x, PoolSpec spec) {
        return pool("maxPool", x, spec, true);
    }

    public static Nd4jTensor avgPool(Nd4jTensor x, PoolSpec spec) {
        return pool("avgPool", x, spec, false);
    }

    /** See {@link AdaptivePoolOps#adaptivePool}. */
    public static Nd4jTensor adaptivePool(Nd4jTensor x, int[] outputSize, boolean max) {
        return AdaptivePoolOps.adaptivePool(x, outputSize, max);
    }

    /** Pooling recorded under {@code op}; also the fast path of adaptive pooling with uniform windows. */
    static Nd4jTensor pool(String op, Nd4jTensor x, PoolSpec spec, boolean max) {
        int d = spec.spatialDims();
        requirePoolable(op, x, d, "with " + spec);
        int[] kernel = spec.kernel();
        int[] stride = spec.stride();
        int[] padding = spec.padding();
        // INDArray.shape() may return the array's own shape buffer: never modify it in place.
        long[] outShape = x.value().shape().clone();
        for (int i = 0; i < d; i++) {
            outShape[i + 2] = Math.floorDiv(outShape[i + 2] + 2L * padding[i] - kernel[i], stride[i]) + 1;
            if (outShape[i + 2] < 1) {
                throw new ShapeMismatchException(op + ": input " + Arrays.toString(x.shape()) + " is smaller than the window of "
                        + spec + " (output would be " + Arrays.toString(outShape) + ")");
            }
        }
        if (x.value().isEmpty()) {
            return EmptyOps.result(op, Nd4j.create(x.value().dataType(), outShape), x);
        }
        INDArray xv = NativeConv.rowMajor(x.value());
        INDArray out = Nd4j.create(xv.dataType(), outShape, 'c');
        run(max, false, new INDArray[] {xv}, out, kernel, stride, padding);
        BackwardFn backward = g -> {
            INDArray gx = Nd4j.create(xv.dataType(), xv.shape(), 'c');
            run(max, true, new INDArray[] {xv, NativeConv.rowMajor(g)}, gx, kernel, stride, padding);
            return new INDArray[] {gx};
        };
        // Pooling is linear at a fixed input (for max: with the selection fixed), so its backward is
        // the adjoint of that linear map, the map itself being pooling (average) or reading at the maxima (max).
        java.util.function.UnaryOperator<INDArray> tangent = h -> {
            if (max) {
                return MaxPoolTangent.apply(xv, h, kernel, stride, padding, outShape);
            }
            INDArray r = Nd4j.create(h.dataType(), outShape, 'c');
            run(false, false, new INDArray[] {NativeConv.rowMajor(h)}, r, kernel, stride, padding);
            return r;
        };
        return Nd4jTensor.record(op, out, backward,
                (g, y) -> new Nd4jTensor[] {GraphGradients.linear(op, g, h -> backward.apply(h)[0], tangent)}, x);
    }

    /** Throws unless {@code x} is a floating {@code [N, C, *spatial]} tensor with {@code d} spatial dimensions. */
    static void requirePoolable(String op, Nd4jTensor x, int d, String geometry) {
        if (!x.dtype().isFloating()) {
            throw new DTypeMismatchException(op + ": the input must be floating, was " + x.dtype());
        }
        if (d < 1 || d > 3) {
            throw new ShapeMismatchException(op + ": 1, 2 or 3 spatial dimensions are supported, got " + d + " (" + geometry
                    + ")");
        }
        if (x.rank() != d + 2) {
            throw new ShapeMismatchException(op + ": " + d + " spatial dimension(s) need a rank-" + (d + 2) + " input [N, C, "
                    + ConvChecks.spatialNames(d) + "], got " + Arrays.toString(x.shape()) + " " + geometry);
        }
        // An empty batch (or no channels) gives an empty result, as in PyTorch; an empty spatial extent has no windows.
        int[] shape = x.shape();
        for (int i = 2; i < shape.length; i++) {
            if (shape[i] == 0) {
                throw new ShapeMismatchException(op + ": spatial dimension " + i + " of the input " + Arrays.toString(shape)
                        + " is empty (size 0); only the batch and channel dimensions may be 0");
            }
        }
    }

    /** Runs the native pooling op (or its backprop when {@code backprop}) into {@code out}. */
    private static void run(boolean max, boolean backprop, INDArray[] inputs, INDArray out, int[] kernel, int[] stride,
            int[] padding) {
        int d = kernel.length;
        if (d == 1) {
            INDArray[] lifted = new INDArray[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                lifted[i] = addUnitDim(inputs[i]);
            }
            run(max, backprop, lifted, addUnitDim(out), prepend(1, kernel), prepend(1, stride), prepend(0, padding));
            return;
        }
        String name = (max ? "maxpool" : "avgpool") + (d == 2 ? "2d" : "3dnew") + (backprop ? "_bp" : "");
        // kernel, stride, padding, dilation 1 per dimension; VALID mode; avg divisor mode; NC[D]HW.
        int[] args = new int[4 * d + 3];
        for (int i = 0; i < d; i++) {
            args[i] = kernel[i];
            args[d + i] = stride[i];
            args[2 * d + i] = padding[i];
            args[3 * d + i] = 1;
        }
        args[4 * d] = 0;
        args[4 * d + 1] = EXCLUDE_PADDING;
        args[4 * d + 2] = 0;
        Nd4j.exec(DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(out).addIntegerArguments(args).build());
    }

    /** A view of {@code [N, C, L]} as {@code [N, C, 1, L]} (writes go through to {@code a}). */
    private static INDArray addUnitDim(INDArray a) {
        return a.reshape('c', a.size(0), a.size(1), 1, a.size(2));
    }

    private static int[] prepend(int value, int[] a) {
        int[] out = new int[a.length + 1];
        out[0] = value;
        System.arraycopy(a, 0, out, 1, a.length);
        return out;
    }
}

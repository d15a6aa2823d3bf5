package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.backend.nd4j.NativeConv.Geometry;
import org.equivariant4j.backend.nd4j.NativeConv.Kind;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.ConvSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Transposed convolutions (the adjoint of {@link ConvOps#conv}, PyTorch's {@code ConvTranspose})
 * over 1, 2 or 3 spatial dimensions. As for {@link ConvOps}, two implementations: column-matrix
 * GEMMs ({@link GemmConvolution}) on the CPU backend in float32 and float64, which handle output
 * padding directly; otherwise libnd4j's {@code deconv2d} / {@code deconv3d} and their {@code _bp}
 * ops, with the layouts and grouping of {@link NativeConv}.
 *
 * <p>libnd4j has no output padding. Without it the native op runs with the requested padding and
 * bias. With it, the native op runs unpadded, producing the full-size result, and the output is
 * the window {@code [padding, padding + outSize)} of that result in each dimension, zero-extended
 * at the far end where the window passes the full result (output padding larger than padding).
 * The window is needed rather than zero rows appended to the padded result because with
 * {@code padding > 0} the extra rows do receive kernel taps (the ones padding cropped away).
 */
final class ConvTransposeOps {

    private ConvTransposeOps() {
    }

    /** {@code x [N, C, *s]} transposed-convolved with {@code w [C, O/groups, *k]}, plus {@code b [O]} when not null. */
    public static Nd4jTensor convTranspose(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec) {
        String op = "convTranspose";
        ConvChecks.check(op, x, w, b, spec, true);
        int d = spec.spatialDims();
        int[] stride = spec.stride();
        int[] dilation = spec.dilation();
        int[] outputPadding = spec.outputPadding();
        boolean crop = false;
        for (int i = 0; i < d; i++) {
            if (outputPadding[i] >= Math.max(stride[i], dilation[i])) {
                throw new InvalidArgumentException(op + ": output padding must be smaller than the stride or the dilation in each"
                        + " dimension (as in PyTorch), got " + spec);
            }
            crop |= outputPadding[i] > 0;
        }
        Geometry padded = new Geometry(stride, spec.padding(), dilation);
        long[] kernel = ConvChecks.spatial(w);
        long[] outSize = NativeConv.outputSize(Kind.TRANSPOSED, ConvChecks.spatial(x), kernel, padded);
        for (int i = 0; i < d; i++) {
            outSize[i] += outputPadding[i];
        }
        ConvChecks.requirePositive(op, outSize, x, w, spec);
        ConvChecks.requireAllocatable(op, x, w.size(1) * spec.groups(), outSize);
        if (x.size(0) == 0) {
            return ConvChecks.emptyBatch(op, x, w, b, w.size(1) * spec.groups(), outSize);
        }

        int groups = spec.groups();
        if (ConvKernelSelection.useKernels(x.value().dataType())
                && GemmConvolution.fits(x.value().length(), ConvOps.outputLength(x, w.size(1) * groups, outSize))) {
            return onKernels(x, w, b, spec, outSize, kernel);
        }
        INDArray xv = NativeConv.rowMajor(x.value());
        INDArray wv = NativeConv.rowMajor(w.value());
        INDArray bv = b == null ? null : NativeConv.rowMajor(b.value());
        INDArray out;
        BackwardFn backward;
        if (!crop) {
            out = NativeConv.forward(Kind.TRANSPOSED, xv, wv, bv, padded, groups);
            backward = g -> NativeConv.backward(Kind.TRANSPOSED, xv, wv, bv, NativeConv.rowMajor(g), padded, groups);
        } else {
            Geometry unpadded = new Geometry(stride, new int[d], dilation);
            INDArray full = NativeConv.forward(Kind.TRANSPOSED, xv, wv, null, unpadded, groups);
            Window window = new Window(full.shape(), spec.padding(), outSize);
            out = Nd4j.create(full.dataType(), window.outShape(), 'c');
            if (window.overlaps()) {
                out.get(window.inOut()).assign(full.get(window.inFull()));
            }
            if (bv != null) {
                Nd4j.exec(new BroadcastAddOp(out, bv, out, 1));
            }
            backward = g -> {
                INDArray gFull = Nd4j.create(g.dataType(), window.fullShape(), 'c');
                if (window.overlaps()) {
                    gFull.get(window.inFull()).assign(g.get(window.inOut()));
                }
                INDArray[] grads = NativeConv.backward(Kind.TRANSPOSED, xv, wv, null, gFull, unpadded, groups);
                grads[2] = bv == null ? null : g.sum(spatialAndBatchAxes(d));
                return grads;
            };
        }
        BackwardFn trimmed = b == null ? g -> Arrays.copyOf(backward.apply(g), 2) : backward;
        return ConvOps.recordConv(op, out, trimmed, x, w, b, spec);
    }

    private static Nd4jTensor onKernels(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec, long[] outSize, long[] kernel) {
        // The transposed convolution's output is the image of the convolution it is the adjoint of.
        ConvGeometry columns = ConvGeometry.of(outSize, ConvChecks.spatial(x), kernel, spec.stride(), spec.padding(),
                spec.dilation());
        int groups = spec.groups();
        INDArray xv = GemmConvolution.usable(x.value());
        INDArray wv = GemmConvolution.usable(w.value());
        INDArray out = GemmConvolution.convTranspose(xv, wv, b == null ? null : b.value(), columns, groups);
        BackwardFn backward = g -> {
            INDArray[] grads = GemmConvolution.convTransposeBackward(xv, wv, GemmConvolution.usable(g), columns, groups,
                    x.requiresGrad(), w.requiresGrad(), b != null);
            return b == null ? new INDArray[] {grads[0], grads[1]} : grads;
        };
        String op = "convTranspose";
        return ConvOps.recordConv(op, out, backward, x, w, b, spec);
    }

    /** The part of the unpadded result that the output shows, and where it lands in the output. */
    private record Window(long[] fullShape, int[] padding, long[] outSize) {

        long[] outShape() {
            long[] s = fullShape.clone();
            System.arraycopy(outSize, 0, s, 2, outSize.length);
            return s;
        }

        /** Rows {@code [padding, min(full, padding + outSize))} of the full result. */
        INDArrayIndex[] inFull() {
            INDArrayIndex[] idx = allIndices();
            for (int i = 0; i < outSize.length; i++) {
                idx[i + 2] = NDArrayIndex.interval(padding[i], padding[i] + overlap(i));
            }
            return idx;
        }

        /** Rows {@code [0, overlap)} of the output; any rows beyond stay zero (plus bias). */
        INDArrayIndex[] inOut() {
            INDArrayIndex[] idx = allIndices();
            for (int i = 0; i < outSize.length; i++) {
                idx[i + 2] = NDArrayIndex.interval(0, overlap(i));
            }
            return idx;
        }

        /** False in the degenerate case where padding crops the whole result and only output padding remains. */
        boolean overlaps() {
            for (int i = 0; i < outSize.length; i++) {
                if (overlap(i) <= 0) {
                    return false;
                }
            }
            return true;
        }

        private long overlap(int i) {
            return Math.min(fullShape[i + 2], padding[i] + outSize[i]) - padding[i];
        }

        private INDArrayIndex[] allIndices() {
            INDArrayIndex[] idx = new INDArrayIndex[fullShape.length];
            Arrays.fill(idx, NDArrayIndex.all());
            return idx;
        }
    }

    private static int[] spatialAndBatchAxes(int d) {
        int[] axes = new int[d + 1];
        for (int i = 1; i <= d; i++) {
            axes[i] = i + 1;
        }
        return axes;
    }
}

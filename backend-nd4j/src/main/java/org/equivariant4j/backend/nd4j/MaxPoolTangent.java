package org.equivariant4j.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The Jacobian of max pooling at a fixed input applied to a direction ({@code J h}): {@code h}
 * read at each window's first maximal entry of the input. The pooling's backward is {@code J^T};
 * a create-graph pass needs {@code J} to differentiate that backward again
 * ({@link GraphGradients#linear}). Runs as one strided view per kernel offset (a loop over the
 * kernel's positions, not over elements).
 */
final class MaxPoolTangent {

    private MaxPoolTangent() {
    }

    static INDArray apply(INDArray x, INDArray h, int[] kernel, int[] stride, int[] padding, long[] outShape) {
        int d = kernel.length;
        long[] padded = x.shape().clone();
        INDArrayIndex[] interior = new INDArrayIndex[padded.length];
        interior[0] = NDArrayIndex.all();
        interior[1] = NDArrayIndex.all();
        for (int i = 0; i < d; i++) {
            padded[i + 2] += 2L * padding[i];
            interior[i + 2] = NDArrayIndex.interval(padding[i], padding[i] + x.size(i + 2));
        }
        // Padding never wins a max: -inf around the input, anything (0) around the direction.
        INDArray px = Nd4j.valueArrayOf(padded, Double.NEGATIVE_INFINITY, x.dataType());
        px.get(interior).assign(x);
        INDArray ph = Nd4j.zeros(h.dataType(), padded);
        ph.get(interior).assign(h);
        INDArray best = null;
        INDArray result = null;
        int positions = 1;
        for (int k : kernel) {
            positions *= k;
        }
        for (int p = 0; p < positions; p++) {
            INDArrayIndex[] window = new INDArrayIndex[padded.length];
            window[0] = NDArrayIndex.all();
            window[1] = NDArrayIndex.all();
            int rest = p;
            for (int i = d - 1; i >= 0; i--) {
                int offset = rest % kernel[i];
                rest /= kernel[i];
                long count = outShape[i + 2];
                // ND4J's strided interval misbehaves on a single entry; take that one as a unit interval.
                window[i + 2] = count == 1 ? NDArrayIndex.interval(offset, offset + 1)
                        : NDArrayIndex.interval(offset, stride[i], offset + stride[i] * (count - 1) + 1);
            }
            INDArray sx = px.get(window);
            INDArray sh = ph.get(window);
            if (best == null) {
                best = sx.dup('c');
                result = sh.dup('c');
            } else {
                // Strictly greater: the first maximal position keeps the window.
                INDArray wins = sx.gt(best).castTo(h.dataType());
                result.addi(sh.sub(result).muli(wins));
                Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.custom.Max(best, sx, best));
            }
        }
        return result;
    }
}

package org.equivariant4j.backend.nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.PoolSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.indexaccum.custom.ArgMax;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adaptive average and max pooling (PyTorch's {@code AdaptiveAvgPool} / {@code AdaptiveMaxPool}):
 * output entry {@code i} of a dimension of length {@code L} pools the window
 * {@code [floor(i L / out), ceil((i + 1) L / out))}.
 *
 * <p>When every output size divides its input size the windows are uniform and the op is plain
 * native pooling with {@code kernel = stride = L / out} ({@link PoolOps}); all-ones output sizes
 * (global pooling) are such a case. Otherwise windows differ in size and may overlap, and the op
 * uses that a box window is a product of intervals: the average (maximum) over a box is the
 * average (maximum) over one dimension of the averages (maxima) over the next. So it pools one
 * dimension at a time:
 * <ul>
 *   <li>average: a GEMM with the {@code [L, out]} matrix of window weights {@code 1/|window|};
 *       the backward is a GEMM with its transpose;</li>
 *   <li>max: a native gather of every window's entries (windows padded to the widest by repeating
 *       their last index, which cannot change a maximum) to {@code [rows, out, K]}, then max and
 *       argmax over K; the backward one-hot encodes the argmax and maps the window slots back to
 *       input positions with one GEMM by the 0/1 matrix {@code [out K, L]}, which also sums the
 *       contributions of overlapping windows (no scatter).</li>
 * </ul>
 */
final class AdaptivePoolOps {

    private AdaptivePoolOps() {
    }

    public static Nd4jTensor adaptivePool(Nd4jTensor x, int[] outputSize, boolean max) {
        String op = max ? "adaptiveMaxPool" : "adaptiveAvgPool";
        int d = outputSize.length;
        PoolOps.requirePoolable(op, x, d, "for output size " + Arrays.toString(outputSize));
        for (int s : outputSize) {
            if (s < 1) {
                throw new ShapeMismatchException(op + ": output sizes must be >= 1, got " + Arrays.toString(outputSize)
                        + " for input " + Arrays.toString(x.shape()));
            }
        }
        int[] shape = x.shape();
        long[] outShape = {shape[0], shape[1], 1, 1, 1};
        for (int i = 0; i < d; i++) {
            outShape[i + 2] = outputSize[i];
        }
        AllocationLimit.check(op, Arrays.copyOf(outShape, d + 2), x.value().dataType());
        if (x.value().isEmpty()) {
            return EmptyOps.result(op, Nd4j.create(x.value().dataType(), Arrays.copyOf(outShape, d + 2)), x);
        }
        int[] kernel = new int[d];
        boolean uniform = true;
        for (int i = 0; i < d; i++) {
            int length = shape[i + 2];
            uniform &= length % outputSize[i] == 0;
            kernel[i] = Math.max(1, length / outputSize[i]);
        }
        if (uniform) {
            return PoolOps.pool(op, x, new PoolSpec(kernel, kernel, new int[d]), max);
        }
        INDArray cur = x.value();
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            if (shape[i + 2] != outputSize[i]) {
                Stage stage = max ? new MaxStage(i + 2, shape[i + 2], outputSize[i], cur.dataType())
                        : new AvgStage(i + 2, shape[i + 2], outputSize[i], cur.dataType());
                cur = stage.forward(cur);
                stages.add(stage);
            }
        }
        INDArray out = cur.dup('c');
        BackwardFn backward = g -> {
            INDArray gi = g;
            for (int k = stages.size() - 1; k >= 0; k--) {
                gi = stages.get(k).backward(gi);
            }
            return new INDArray[] {gi.dup('c')};
        };
        UnaryOperator<INDArray> tangent = h -> {
            INDArray hi = h;
            for (Stage stage : stages) {
                hi = stage.tangent(hi);
            }
            return hi.dup('c');
        };
        return Nd4jTensor.record(op, out, backward,
                (g, y) -> new Nd4jTensor[] {GraphGradients.linear(op, g, h -> backward.apply(h)[0], tangent)}, x);
    }

    /** Window {@code i} of {@code out} over a dimension of {@code length}: {@code [start(i), end(i))}. */
    static int windowStart(int i, int length, int out) {
        return (int) ((long) i * length / out);
    }

    static int windowEnd(int i, int length, int out) {
        return (int) (((long) (i + 1) * length + out - 1) / out);
    }

    /** Pooling along one dimension of the input; {@code backward} needs the preceding {@code forward} of the same stage. */
    private abstract static class Stage {
        final int dim;
        final int length;
        final int out;

        Stage(int dim, int length, int out) {
            this.dim = dim;
            this.length = length;
            this.out = out;
        }

        abstract INDArray forward(INDArray x);

        abstract INDArray backward(INDArray g);

        /** The stage's Jacobian at the last {@code forward}'s input applied to {@code h} (the adjoint of {@code backward}). */
        abstract INDArray tangent(INDArray h);

        /** {@code a} with {@code dim} moved last, then pooled (or un-pooled) by {@code f} on the {@code [rows, extent]} matrix. */
        INDArray alongDim(INDArray a, UnaryOperator<INDArray> f) {
            int[] order = lastOrder(a.rank());
            INDArray moved = a.permute(order).dup('c');
            INDArray result = f.apply(moved.reshape('c', -1, moved.size(-1)));
            long[] s = moved.shape().clone();
            s[s.length - 1] = result.size(1);
            return result.reshape('c', s).permute(inverse(order));
        }

        private int[] lastOrder(int rank) {
            int[] order = new int[rank];
            int n = 0;
            for (int i = 0; i < rank; i++) {
                if (i != dim) {
                    order[n++] = i;
                }
            }
            order[rank - 1] = dim;
            return order;
        }
    }

    private static final class AvgStage extends Stage {
        /** {@code [length, out]}: column i holds 1/|window i| over window i. */
        private final INDArray weights;

        AvgStage(int dim, int length, int out, DataType type) {
            super(dim, length, out);
            double[] w = new double[length * out];
            for (int i = 0; i < out; i++) {
                int start = windowStart(i, length, out);
                int end = windowEnd(i, length, out);
                for (int l = start; l < end; l++) {
                    w[l * out + i] = 1.0 / (end - start);
                }
            }
            weights = Nd4j.create(w, new long[] {length, out}, DataType.DOUBLE).castTo(type);
        }

        @Override
        INDArray forward(INDArray x) {
            return alongDim(x, m -> gemm(m, weights, false));
        }

        @Override
        INDArray backward(INDArray g) {
            return alongDim(g, m -> gemm(m, weights, true));
        }

        @Override
        INDArray tangent(INDArray h) {
            return forward(h);
        }
    }

    private static final class MaxStage extends Stage {
        private final int width;
        /** {@code [out * width]}: the input positions of each window, the last repeated to pad it to {@code width}. */
        private final INDArray slots;
        /** {@code [out * width, length]}: 1 where a (real, not padding) slot reads a position. */
        private final INDArray slotToInput;
        private INDArray argmax;

        MaxStage(int dim, int length, int out, DataType type) {
            super(dim, length, out);
            int k = 0;
            for (int i = 0; i < out; i++) {
                k = Math.max(k, windowEnd(i, length, out) - windowStart(i, length, out));
            }
            width = k;
            long[] s = new long[out * width];
            double[] m = new double[out * width * length];
            for (int i = 0; i < out; i++) {
                int start = windowStart(i, length, out);
                int end = windowEnd(i, length, out);
                for (int j = 0; j < width; j++) {
                    s[i * width + j] = Math.min(start + j, end - 1);
                    if (start + j < end) {
                        m[(i * width + j) * length + start + j] = 1.0;
                    }
                }
            }
            slots = Nd4j.createFromArray(s);
            slotToInput = Nd4j.create(m, new long[] {(long) out * width, length}, DataType.DOUBLE).castTo(type);
        }

        @Override
        INDArray forward(INDArray x) {
            return alongDim(x, r -> {
                long n = r.size(0);
                INDArray windows = Nd4j.exec(new Gather(r, slots, 1))[0].reshape('c', n, out, width);
                // First index of the maximum: padding slots repeat the last real one, so they never win.
                argmax = Nd4j.exec(new ArgMax(windows, false, new int[] {2}))[0];
                return windows.max(2);
            });
        }

        @Override
        INDArray backward(INDArray g) {
            return alongDim(g, gr -> {
                long n = gr.size(0);
                INDArray hit = Nd4j.exec(new OneHot(argmax, width, -1, 1.0, 0.0, gr.dataType()))[0];
                INDArray perSlot = Nd4j.createUninitialized(gr.dataType(), n, out, width);
                Nd4j.exec(new MulOp(hit, gr.reshape('c', n, out, 1), perSlot));
                return gemm(perSlot.reshape('c', n, (long) out * width), slotToInput, false);
            });
        }

        @Override
        INDArray tangent(INDArray h) {
            return alongDim(h, r -> {
                long n = r.size(0);
                INDArray windows = Nd4j.exec(new Gather(r, slots, 1))[0].reshape('c', n, out, width);
                INDArray hit = Nd4j.exec(new OneHot(argmax, width, -1, 1.0, 0.0, r.dataType()))[0];
                return windows.muli(hit).sum(2);
            });
        }
    }

    /** {@code a @ op(b)} into a new row-major array, by direct BLAS (PERFORMANCE.md). */
    private static INDArray gemm(INDArray a, INDArray b, boolean transB) {
        long cols = transB ? b.size(0) : b.size(1);
        INDArray out = Nd4j.createUninitialized(a.dataType(), new long[] {a.size(0), cols}, 'c');
        Nd4j.gemm(a, b, out, false, transB, 1.0, 0.0);
        return out;
    }

    private static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inv[order[i]] = i;
        }
        return inv;
    }
}

package org.equivariant4j.backend.nd4j;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.PadMode;
import org.equivariant4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Shape ops: views and copies that rearrange elements, with their backward. */
final class ShapeOps {

    private ShapeOps() {
    }

    /** {@code dim} normalised to [0, rank), or an exception naming {@code op}. */
    public static int axis(Nd4jTensor t, int dim, String op) {
        int rank = t.rank();
        int a = dim < 0 ? dim + rank : dim;
        if (a < 0 || a >= Math.max(rank, 1)) {
            throw new ShapeMismatchException(op + ": dimension " + dim + " is out of range for shape "
                    + java.util.Arrays.toString(t.shape()));
        }
        return a;
    }

    public static Nd4jTensor reshape(Nd4jTensor a, int[] shape) {
        INDArray x = a.value();
        long[] target = inferShape(a, shape);
        long[] original = x.shape();
        return Nd4jTensor.record("reshape", x.reshape('c', target), g -> new INDArray[] {g.reshape('c', original)},
                (g, y) -> new Nd4jTensor[] {GraphGradients.reshape(g, original)}, a);
    }

    private static long[] inferShape(Nd4jTensor a, int[] shape) {
        long n = a.numel();
        long known = 1;
        int free = -1;
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && free < 0) {
                free = i;
            } else if (shape[i] < 0) {
                throw new ShapeMismatchException("reshape: invalid target shape " + Arrays.toString(shape) + " for "
                        + Arrays.toString(a.shape()) + " (at most one -1, no other negative extent)");
            } else {
                known *= shape[i];
                out[i] = shape[i];
            }
        }
        if (free >= 0) {
            if (known == 0 || n % known != 0) {
                throw new ShapeMismatchException("reshape: cannot infer the -1 extent of " + Arrays.toString(shape) + " for "
                        + Arrays.toString(a.shape()) + " (" + n + " elements)");
            }
            out[free] = n / known;
        } else if (known != n) {
            throw new ShapeMismatchException("reshape: cannot view " + Arrays.toString(a.shape()) + " (" + n + " elements) as "
                    + Arrays.toString(shape) + " (" + known + " elements)");
        }
        return out;
    }

    public static Nd4jTensor permute(Nd4jTensor a, int[] order) {
        int rank = a.rank();
        if (order.length != rank) {
            throw new ShapeMismatchException("permute: order " + Arrays.toString(order) + " must name each of the " + rank
                    + " dimensions of " + Arrays.toString(a.shape()) + " once");
        }
        int[] norm = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            norm[i] = axis(a, order[i], "permute");
            if (seen[norm[i]]) {
                throw new ShapeMismatchException("permute: order " + Arrays.toString(order) + " repeats dimension " + norm[i]);
            }
            seen[norm[i]] = true;
        }
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[norm[i]] = i;
        }
        return Nd4jTensor.record("permute", a.value().permute(norm), g -> new INDArray[] {g.permute(inverse)},
                (g, y) -> new Nd4jTensor[] {permute(g, inverse)}, a);
    }

    public static Nd4jTensor transpose(Nd4jTensor a, int d0, int d1) {
        int[] order = new int[a.rank()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int x = axis(a, d0, "transpose");
        int y = axis(a, d1, "transpose");
        order[x] = y;
        order[y] = x;
        return permute(a, order);
    }

    public static Nd4jTensor expand(Nd4jTensor a, int[] shape) {
        long[] source = a.value().shape();
        if (shape.length < source.length) {
            throw new ShapeMismatchException("expand: cannot expand " + Arrays.toString(a.shape()) + " to fewer dimensions "
                    + Arrays.toString(shape));
        }
        long[] target = new long[shape.length];
        int lead = shape.length - source.length;
        for (int i = 0; i < shape.length; i++) {
            long s = i < lead ? 1 : source[i - lead];
            long t = shape[i] == -1 ? s : shape[i];
            if (s != t && s != 1) {
                throw new ShapeMismatchException("expand: cannot expand " + Arrays.toString(a.shape()) + " to "
                        + Arrays.toString(shape) + " (dimension " + i + " has size " + s + ", not 1)");
            }
            target[i] = t;
        }
        return Nd4jTensor.record("expand", Broadcast.to(a.value(), target), g -> new INDArray[] {Broadcast.reduceTo(g, source)},
                (g, y) -> new Nd4jTensor[] {GraphGradients.reduceTo(g, source)}, a);
    }

    public static Nd4jTensor squeeze(Nd4jTensor a, int dim) {
        int d = axis(a, dim, "squeeze");
        if (a.size(d) != 1) {
            throw new ShapeMismatchException("squeeze: dimension " + dim + " of " + Arrays.toString(a.shape()) + " has size "
                    + a.size(d) + ", not 1");
        }
        int[] s = a.shape();
        int[] out = new int[s.length - 1];
        for (int i = 0, n = 0; i < s.length; i++) {
            if (i != d) {
                out[n++] = s[i];
            }
        }
        return reshapeNamed(a, out, "squeeze");
    }

    public static Nd4jTensor unsqueeze(Nd4jTensor a, int dim) {
        int rank = a.rank();
        int d = dim < 0 ? dim + rank + 1 : dim;
        if (d < 0 || d > rank) {
            throw new ShapeMismatchException("unsqueeze: dimension " + dim + " is out of range for shape " + Arrays.toString(a.shape()));
        }
        int[] s = a.shape();
        int[] out = new int[rank + 1];
        for (int i = 0, n = 0; i <= rank; i++) {
            out[i] = i == d ? 1 : s[n++];
        }
        return reshapeNamed(a, out, "unsqueeze");
    }

    private static Nd4jTensor reshapeNamed(Nd4jTensor a, int[] shape, String op) {
        INDArray x = a.value();
        long[] original = x.shape();
        long[] target = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            target[i] = shape[i];
        }
        return Nd4jTensor.record(op, x.reshape('c', target), g -> new INDArray[] {g.reshape('c', original)},
                (g, y) -> new Nd4jTensor[] {GraphGradients.reshape(g, original)}, a);
    }

    /**
     * Entries {@code start, start+step, ...} below {@code end} of dimension {@code dim}, as a view;
     * {@code op} ("narrow" or "slice") names the caller in messages. Bounds are checked strictly
     * ({@code 0 <= start <= end <= size}, {@code step >= 1}) rather than clamped as Python slicing
     * does: a range past the end is a bug in the caller's shape arithmetic, better reported early.
     */
    public static Nd4jTensor slice(Nd4jTensor a, int dim, int start, int end, int step, String op) {
        requireNonScalar(a, op);
        int d = axis(a, dim, op);
        int size = a.size(d);
        if (step < 1) {
            throw new ShapeMismatchException(op + ": step must be at least 1, was " + step);
        }
        if (start < 0 || end < start || end > size) {
            String range = "narrow".equals(op) ? "start " + start + " and length " + (end - start)
                    : "range [" + start + ", " + end + ")";
            throw new ShapeMismatchException(op + ": " + range + " does not fit dimension " + dim + " of shape "
                    + Arrays.toString(a.shape()) + " (valid entries 0.." + (size - 1) + ")");
        }
        INDArray x = a.value();
        long[] shape = x.shape();
        long count = (end - start + step - 1L) / step;
        // ND4J's strided interval is wrong when it selects a single entry (it returns two, or fails),
        // so a one-entry slice is taken as the unit-stride interval it equals.
        INDArrayIndex[] where = count == 0 ? null
                : count == 1 ? rangeOn(x.rank(), d, start, start + 1L) : stepOn(x.rank(), d, start, step, end);
        INDArray out;
        if (count == 0) {
            long[] empty = shape.clone();
            empty[d] = 0;
            out = Nd4j.create(x.dataType(), empty);
        } else {
            out = x.get(where);
        }
        UnaryOperator<INDArray> scatter = g -> {
            INDArray gx = Nd4j.zeros(g.dataType(), shape);
            if (count > 0) {
                gx.get(where).assign(g);
            }
            return gx;
        };
        long[] outShape = out.shape();
        UnaryOperator<INDArray> take = h -> count == 0 ? Nd4j.create(h.dataType(), outShape) : h.get(where);
        return Nd4jTensor.record(op, out, g -> new INDArray[] {scatter.apply(g)},
                (g, y) -> new Nd4jTensor[] {GraphGradients.linear(op, g, scatter, take)}, a);
    }

    public static Nd4jTensor flip(Nd4jTensor a, int[] dims) {
        if (dims.length > 0) {
            requireNonScalar(a, "flip");
        }
        int[] ax = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            ax[i] = axis(a, dims[i], "flip");
            for (int j = 0; j < i; j++) {
                if (ax[j] == ax[i]) {
                    throw new ShapeMismatchException("flip: dimension " + ax[i] + " given twice in " + Arrays.toString(dims)
                            + " for shape " + Arrays.toString(a.shape()));
                }
            }
        }
        if (ax.length == 0 || a.numel() == 0) {
            return Nd4jTensor.record("flip", a.value().dup(), g -> new INDArray[] {g}, (g, y) -> new Nd4jTensor[] {g}, a);
        }
        return Nd4jTensor.record("flip", reverse(a.value(), ax), g -> new INDArray[] {reverse(g, ax)},
                (g, y) -> new Nd4jTensor[] {flip(g, ax)}, a);
    }

    private static INDArray reverse(INDArray x, int[] axes) {
        return Nd4j.exec(new Reverse(x, axes))[0];
    }

    /** torch.roll along one dimension: entry i moves to {@code (i + shift) mod size}. */
    public static Nd4jTensor roll(Nd4jTensor a, int shift, int dim) {
        requireNonScalar(a, "roll");
        int d = axis(a, dim, "roll");
        int size = a.size(d);
        int s = size == 0 ? 0 : Math.floorMod(shift, size);
        if (s == 0) {
            return Nd4jTensor.record("roll", a.value().dup(), g -> new INDArray[] {g}, (g, y) -> new Nd4jTensor[] {g}, a);
        }
        // Rolling back by s is rolling forward by size - s.
        return Nd4jTensor.record("roll", rotate(a.value(), d, s), g -> new INDArray[] {rotate(g, d, size - s)},
                (g, y) -> new Nd4jTensor[] {roll(g, size - s, d)}, a);
    }

    /** The last {@code s} entries of dimension {@code d} followed by the others (0 < s < size). */
    private static INDArray rotate(INDArray x, int d, long s) {
        long size = x.size(d);
        return Nd4j.concat(d, x.get(rangeOn(x.rank(), d, size - s, size)), x.get(rangeOn(x.rank(), d, 0, size - s)));
    }

    /**
     * torch.nn.functional.pad: (before, after) pairs from the last dimension backwards. Negative
     * padding (cropping in PyTorch's constant mode) is rejected: use narrow to crop.
     */
    public static Nd4jTensor pad(Nd4jTensor a, int[] padding, PadMode mode, double value) {
        if (padding == null || mode == null) {
            throw new InvalidArgumentException("pad: padding and mode must not be null");
        }
        int rank = a.rank();
        if (padding.length % 2 != 0 || padding.length > 2 * rank) {
            throw new ShapeMismatchException("pad: padding " + Arrays.toString(padding) + " must hold (before, after) pairs"
                    + " for at most the " + rank + " dimensions of " + Arrays.toString(a.shape()));
        }
        int pairs = padding.length / 2;
        int[] before = new int[rank];
        int[] after = new int[rank];
        for (int k = 0; k < pairs; k++) {
            int d = rank - 1 - k;
            before[d] = padding[2 * k];
            after[d] = padding[2 * k + 1];
            if (before[d] < 0 || after[d] < 0) {
                throw new ShapeMismatchException("pad: negative padding " + Arrays.toString(padding) + " for "
                        + Arrays.toString(a.shape()) + " (use narrow to crop)");
            }
            if (mode == PadMode.CIRCULAR && (before[d] > a.size(d) || after[d] > a.size(d))) {
                throw new ShapeMismatchException("pad: circular padding " + Arrays.toString(padding) + " wraps more than once"
                        + " around dimension " + d + " of " + Arrays.toString(a.shape()) + " (at most " + a.size(d) + " per side)");
            }
        }
        return mode == PadMode.CONSTANT ? padConstant(a, before, after, value) : padCircular(a, before, after);
    }

    private static Nd4jTensor padConstant(Nd4jTensor a, int[] before, int[] after, double value) {
        INDArray x = a.value();
        long[] shape = x.shape();
        long[] padded = shape.clone();
        INDArrayIndex[] interior = new INDArrayIndex[shape.length];
        for (int d = 0; d < shape.length; d++) {
            padded[d] = shape[d] + before[d] + after[d];
            interior[d] = NDArrayIndex.interval(before[d], before[d] + shape[d]);
        }
        AllocationLimit.check("pad", padded, x.dataType());
        INDArray out = Nd4j.valueArrayOf(padded, value, x.dataType());
        if (x.length() > 0) {
            out.get(interior).assign(x);
        }
        boolean empty = x.length() == 0;
        return Nd4jTensor.record("pad", out, g -> new INDArray[] {empty ? Nd4j.zeros(g.dataType(), shape) : g.get(interior)},
                (g, y) -> new Nd4jTensor[] {empty ? GraphGradients.constant(Nd4j.zeros(g.value().dataType(), shape))
                        : crop(g, before, shape)}, a);
    }

    /** The entries {@code [before[d], before[d] + shape[d])} of every dimension d of {@code g}, in tensor ops. */
    private static Nd4jTensor crop(Nd4jTensor g, int[] before, long[] shape) {
        Nd4jTensor out = g;
        for (int d = 0; d < shape.length; d++) {
            if (out.value().size(d) != shape[d]) {
                out = slice(out, d, before[d], before[d] + (int) shape[d], 1, "narrow");
            }
        }
        return out;
    }

    private static Nd4jTensor padCircular(Nd4jTensor a, int[] before, int[] after) {
        INDArray out = wrap(a.value(), before, after);
        long[] shape = a.value().shape();
        return Nd4jTensor.record("pad", out, g -> new INDArray[] {fold(g, shape, before, after)},
                (g, y) -> new Nd4jTensor[] {GraphGradients.linear("pad", g, h -> fold(h, shape, before, after),
                        h -> wrap(h, before, after))}, a);
    }

    /** Circular padding of {@code x}: each border a copy of the opposite edge. */
    private static INDArray wrap(INDArray x, int[] before, int[] after) {
        INDArray out = x;
        for (int d = 0; d < out.rank(); d++) {
            long n = out.size(d);
            if (before[d] > 0 && after[d] > 0) {
                out = Nd4j.concat(d, out.get(rangeOn(out.rank(), d, n - before[d], n)), out,
                        out.get(rangeOn(out.rank(), d, 0, after[d])));
            } else if (before[d] > 0) {
                out = Nd4j.concat(d, out.get(rangeOn(out.rank(), d, n - before[d], n)), out);
            } else if (after[d] > 0) {
                out = Nd4j.concat(d, out, out.get(rangeOn(out.rank(), d, 0, after[d])));
            }
        }
        return out == x ? out.dup() : out;
    }

    /** The adjoint of {@link #wrap}: a gradient of the padded shape folded back onto {@code shape}. */
    private static INDArray fold(INDArray g, long[] shape, int[] before, int[] after) {
        // Undo the dimensions in reverse order; each border folds back onto the edge it copied.
        INDArray gx = g;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (before[d] == 0 && after[d] == 0) {
                continue;
            }
            long n = shape[d];
            int r = gx.rank();
            INDArray folded = gx.get(rangeOn(r, d, before[d], before[d] + n)).dup();
            if (before[d] > 0) {
                folded.get(rangeOn(r, d, n - before[d], n)).addi(gx.get(rangeOn(r, d, 0, before[d])));
            }
            if (after[d] > 0) {
                folded.get(rangeOn(r, d, 0, after[d])).addi(gx.get(rangeOn(r, d, before[d] + n, before[d] + n + after[d])));
            }
            gx = folded;
        }
        return gx;
    }

    private static void requireNonScalar(Nd4jTensor a, String op) {
        if (a.rank() == 0) {
            throw new ShapeMismatchException(op + ": needs a tensor with at least one dimension, got a scalar (shape [])");
        }
    }

    public static Nd4jTensor concat(int dim, Tensor[] tensors) {
        Nd4jTensor[] ts = new Nd4jTensor[tensors.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = Nd4jTensor.of(tensors[i], "concat");
        }
        int d = axis(ts[0], dim, "concat");
        INDArray[] values = new INDArray[ts.length];
        long[] sizes = new long[ts.length];
        for (int i = 0; i < ts.length; i++) {
            INDArray v = ts[i].value();
            if (v.dataType() != ts[0].value().dataType()) {
                throw new DTypeMismatchException("concat: tensor " + i + " is " + ts[i].dtype() + " but tensor 0 is "
                        + ts[0].dtype() + "; convert one with to(DType)");
            }
            if (v.rank() != ts[0].rank()) {
                throw new ShapeMismatchException("concat: tensor " + i + " has shape " + Arrays.toString(ts[i].shape())
                        + " but tensor 0 has " + Arrays.toString(ts[0].shape()) + " (ranks differ)");
            }
            for (int k = 0; k < v.rank(); k++) {
                if (k != d && v.size(k) != ts[0].value().size(k)) {
                    throw new ShapeMismatchException("concat along " + d + ": tensor " + i + " has shape " + Arrays.toString(ts[i].shape())
                            + " but tensor 0 has " + Arrays.toString(ts[0].shape()) + " (all dimensions but " + d + " must agree)");
                }
            }
            values[i] = v;
            sizes[i] = v.size(d);
        }
        long[] joined = values[0].shape().clone();
        joined[d] = 0;
        for (long s : sizes) {
            joined[d] += s;
        }
        AllocationLimit.check("concat", joined, values[0].dataType());
        INDArray out = ts.length == 1 ? values[0].dup() : Nd4j.concat(d, values);
        return Nd4jTensor.record("concat", out, g -> {
            INDArray[] grads = new INDArray[ts.length];
            long offset = 0;
            for (int i = 0; i < ts.length; i++) {
                grads[i] = g.get(rangeOn(g.rank(), d, offset, offset + sizes[i]));
                offset += sizes[i];
            }
            return grads;
        }, (g, y) -> {
            Nd4jTensor[] grads = new Nd4jTensor[ts.length];
            int offset = 0;
            for (int i = 0; i < ts.length; i++) {
                grads[i] = slice(g, d, offset, offset + (int) sizes[i], 1, "narrow");
                offset += (int) sizes[i];
            }
            return grads;
        }, ts);
    }

    public static Nd4jTensor stack(int dim, Tensor[] tensors) {
        Nd4jTensor first = Nd4jTensor.of(tensors[0], "stack");
        int rank = first.rank();
        int d = dim < 0 ? dim + rank + 1 : dim;
        if (d < 0 || d > rank) {
            throw new ShapeMismatchException("stack: dimension " + dim + " is out of range for tensors of shape "
                    + Arrays.toString(first.shape()));
        }
        Tensor[] expanded = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            Nd4jTensor t = Nd4jTensor.of(tensors[i], "stack");
            Broadcast.requireSameDType("stack", first, t);
            if (!Arrays.equals(t.shape(), first.shape())) {
                throw new ShapeMismatchException("stack: tensor " + i + " has shape " + Arrays.toString(t.shape())
                        + " but tensor 0 has " + Arrays.toString(first.shape()) + " (all must be equal)");
            }
            expanded[i] = unsqueeze(t, d);
        }
        return concat(d, expanded);
    }

    /** Index of the entries {@code from, from+step, ...} below {@code to} of dimension {@code dim}, all of the other dimensions. */
    private static INDArrayIndex[] stepOn(int rank, int dim, long from, long step, long to) {
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        for (int k = 0; k < rank; k++) {
            idx[k] = k == dim ? NDArrayIndex.interval(from, step, to) : NDArrayIndex.all();
        }
        return idx;
    }

    /** Index of the entries [from, to) of dimension {@code dim}, all of the other dimensions. */
    static INDArrayIndex[] rangeOn(int rank, int dim, long from, long to) {
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        for (int k = 0; k < rank; k++) {
            idx[k] = k == dim ? NDArrayIndex.interval(from, to) : NDArrayIndex.all();
        }
        return idx;
    }
}

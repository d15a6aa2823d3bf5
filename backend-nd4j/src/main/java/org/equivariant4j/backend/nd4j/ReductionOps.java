package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import static org.equivariant4j.backend.nd4j.GraphGradients.constant;

import org.equivariant4j.backend.nd4j.ElementwiseOps.Arith;
import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.GradMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.indexaccum.custom.ArgMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Reductions over axes (with keepDims) and the softmax family, with their backward. */
final class ReductionOps {

    private ReductionOps() {
    }

    public static int[] allDims(Nd4jTensor t) {
        int[] d = new int[t.rank()];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return d;
    }

    /** Normalised, sorted, duplicate-free axes. */
    static int[] axes(Nd4jTensor t, int[] dims, String op) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = ShapeOps.axis(t, dims[i], op);
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new InvalidArgumentException(op + ": dimension " + out[i] + " given twice in " + Arrays.toString(dims));
            }
        }
        return out;
    }

    /** The shape with the reduced axes kept as 1. */
    static long[] keptShape(long[] shape, int[] axes) {
        long[] k = shape.clone();
        for (int a : axes) {
            k[a] = 1;
        }
        return k;
    }

    /** Gradient of a reduction's output, reshaped to the kept shape and broadcast back over the input. */
    static INDArray expandBack(INDArray g, long[] inputShape, int[] axes) {
        INDArray kept = g.reshape(keptShape(inputShape, axes));
        return ElementwiseOps.onKernels(kept) ? ElementwiseKernel.broadcast(kept, inputShape) : kept.broadcast(inputShape);
    }

    /** The shape of a reduction's result: the reduced axes kept as 1 or dropped. */
    static long[] reducedShape(long[] inputShape, int[] axes, boolean keepDims) {
        if (keepDims) {
            return keptShape(inputShape, axes);
        }
        long[] out = new long[inputShape.length - axes.length];
        int n = 0;
        for (int i = 0; i < inputShape.length; i++) {
            if (Arrays.binarySearch(axes, i) < 0) {
                out[n++] = inputShape[i];
            }
        }
        return out;
    }

    /**
     * A reduction of an empty tensor: {@code identity} where an axis of extent 0 is reduced (an
     * empty result where other extents are 0), recorded with a zero gradient (see {@link EmptyOps}).
     */
    private static Nd4jTensor emptyReduction(String op, Nd4jTensor a, int[] ax, boolean keepDims, double identity) {
        INDArray x = a.value();
        return EmptyOps.result(op, EmptyOps.filled(reducedShape(x.shape(), ax, keepDims), identity, x.dataType()), a);
    }

    /** Refuses max, min and argmax over an axis of extent 0, which have no value to give (as PyTorch). */
    private static void requireNonEmptyAxes(String op, Nd4jTensor a, int[] ax) {
        long[] shape = a.value().shape();
        for (int d : ax) {
            if (shape[d] == 0) {
                throw new ShapeMismatchException(op + ": cannot reduce over dimension " + d + " of " + Arrays.toString(shape)
                        + ", which has size 0: the " + op + " of no values is undefined (PyTorch refuses it too); check the"
                        + " tensor is not empty first");
            }
        }
    }

    /** The sum of {@code x} over {@code axes} (sorted, distinct, at least one), reduced axes kept as 1. */
    static INDArray sumKept(INDArray x, int[] axes) {
        return scaledSumKept(x, axes, 1.0, false);
    }

    /** The mean of {@code x} over {@code axes} (sorted, distinct, at least one), reduced axes kept as 1. */
    static INDArray meanKept(INDArray x, int[] axes) {
        return scaledSumKept(x, axes, 1.0 / reducedLength(x.shape(), axes), true);
    }

    /** Whether a reduction of {@code x} to {@code outputLength} elements runs on the host kernel ({@link SumKernel}). */
    private static boolean onKernels(INDArray x, long outputLength) {
        return KernelSelection.useKernels() && SumKernel.supports(x, outputLength);
    }

    /** On the host kernel ({@link SumKernel}) where it applies, else ND4J's reduction. */
    private static INDArray scaledSumKept(INDArray x, int[] axes, double scale, boolean mean) {
        if (onKernels(x, x.length() / reducedLength(x.shape(), axes))) {
            return SumKernel.sum(x, axes, scale);
        }
        return mean ? x.mean(true, axes) : x.sum(true, axes);
    }

    private static long reducedLength(long[] shape, int[] axes) {
        long n = 1;
        for (int d : axes) {
            n *= shape[d];
        }
        return Math.max(1, n);
    }

    private static INDArray finish(INDArray reducedKeep, long[] inputShape, int[] axes, boolean keepDims) {
        if (keepDims) {
            return reducedKeep.reshape(keptShape(inputShape, axes));
        }
        long[] out = new long[inputShape.length - axes.length];
        int n = 0;
        for (int i = 0; i < inputShape.length; i++) {
            if (Arrays.binarySearch(axes, i) < 0) {
                out[n++] = inputShape[i];
            }
        }
        return reducedKeep.reshape(out);
    }

    public static Nd4jTensor sum(Nd4jTensor a, int[] dims, boolean keepDims) {
        int[] ax = axes(a, dims, "sum");
        if (a.value().isEmpty()) {
            return emptyReduction("sum", a, ax, keepDims, 0.0);
        }
        INDArray x = a.value();
        long[] shape = x.shape();
        INDArray out = ax.length == 0 ? x.dup() : finish(sumKept(x, ax), shape, ax, keepDims);
        return Nd4jTensor.record("sum", out, g -> new INDArray[] {expandBack(g, shape, ax)},
                (g, y) -> new Nd4jTensor[] {GraphGradients.expandBack(g, shape, ax)}, a);
    }

    public static Nd4jTensor mean(Nd4jTensor a, int[] dims, boolean keepDims) {
        int[] ax = axes(a, dims, "mean");
        if (a.value().isEmpty()) {
            // 0 / 0, as PyTorch: the mean of no values is NaN.
            return emptyReduction("mean", a, ax, keepDims, Double.NaN);
        }
        INDArray x = a.value();
        long[] shape = x.shape();
        long n = 1;
        for (int d : ax) {
            n *= shape[d];
        }
        double inv = 1.0 / n;
        INDArray out = ax.length == 0 ? x.dup() : finish(meanKept(x, ax), shape, ax, keepDims);
        return Nd4jTensor.record("mean", out, g -> new INDArray[] {expandBack(g, shape, ax).muli(inv)},
                (g, y) -> new Nd4jTensor[] {ElementwiseOps.mulScalar(GraphGradients.expandBack(g, shape, ax), inv)}, a);
    }

    /** max or min; the gradient is split evenly between tied extreme entries (as PyTorch's amax). */
    public static Nd4jTensor extremum(Nd4jTensor a, int[] dims, boolean keepDims, boolean isMax) {
        String op = isMax ? "max" : "min";
        int[] ax = axes(a, dims, op);
        requireNonEmptyAxes(op, a, ax);
        if (a.value().isEmpty()) {
            return emptyReduction(op, a, ax, keepDims, 0.0);
        }
        INDArray x = a.value();
        long[] shape = x.shape();
        INDArray kept = isMax ? x.max(true, ax) : x.min(true, ax);
        INDArray out = finish(kept, shape, ax, keepDims);
        return Nd4jTensor.record(op, out, g -> new INDArray[] {expandBack(g, shape, ax).mul(tieShare(x, kept, ax))},
                (g, y) -> new Nd4jTensor[] {ElementwiseOps.mul(GraphGradients.expandBack(g, shape, ax), constant(tieShare(x, kept, ax)))}, a);
    }

    /** 1/k at each of the k entries equal to the extremum {@code kept} of their group, 0 elsewhere. */
    private static INDArray tieShare(INDArray x, INDArray kept, int[] ax) {
        long[] shape = x.shape();
        INDArray hit = x.eq(kept.broadcast(shape)).castTo(x.dataType());
        INDArray count = hit.sum(true, ax).broadcast(shape);
        return hit.divi(count);
    }

    public static Nd4jTensor var(Nd4jTensor a, int[] dims, boolean keepDims) {
        int[] ax = axes(a, dims, "var");
        if (a.value().isEmpty()) {
            return emptyReduction("var", a, ax, keepDims, Double.NaN);
        }
        INDArray x = a.value();
        long[] shape = x.shape();
        long n = 1;
        for (int d : ax) {
            n *= shape[d];
        }
        INDArray mean = meanKept(x, ax);
        // The backward needs x - mean; the host kernel needs no full-size temporary for the value itself.
        boolean recorded = GradMode.isEnabled() && a.requiresGrad();
        INDArray centered = recorded || !onKernels(x, mean.length()) ? ElementwiseOps.apply("var", Arith.SUB, x, mean) : null;
        INDArray kept;
        if (onKernels(x, mean.length())) {
            kept = SumKernel.sum(x, ax, 1.0 / n, mean);
        } else {
            kept = meanKept(ElementwiseOps.apply("var", Arith.MUL, centered, centered), ax);
        }
        INDArray out = finish(kept, shape, ax, keepDims);
        double scale = 2.0 / n;
        return Nd4jTensor.record("var", out, g -> new INDArray[] {expandBack(g, shape, ax).mul(centered).muli(scale)},
                (g, y) -> {
                    Nd4jTensor c = ElementwiseOps.sub(a, mean(a, ax, true));
                    return new Nd4jTensor[] {ElementwiseOps.mulScalar(ElementwiseOps.mul(GraphGradients.expandBack(g, shape, ax), c), scale)};
                }, a);
    }

    public static Nd4jTensor logSumExp(Nd4jTensor a, int dim, boolean keepDims) {
        int[] ax = axes(a, new int[] {dim}, "logSumExp");
        if (a.value().isEmpty()) {
            // log(0): the sum of no exponentials is 0.
            return emptyReduction("logSumExp", a, ax, keepDims, Double.NEGATIVE_INFINITY);
        }
        INDArray x = a.value();
        long[] shape = x.shape();
        INDArray m = x.max(true, ax);
        INDArray e = Transforms.exp(ElementwiseOps.apply("logSumExp", Arith.SUB, x, m), false);
        INDArray lse = Transforms.log(e.sum(true, ax), false).addi(m);
        e.close();
        m.close();
        INDArray out = finish(lse, shape, ax, keepDims);
        return Nd4jTensor.record("logSumExp", out, g -> {
            INDArray softmax = Transforms.exp(ElementwiseOps.apply("logSumExp", Arith.SUB, x, lse), false);
            return new INDArray[] {ElementwiseOps.applyInto(Arith.MUL, softmax, g.reshape(keptShape(shape, ax)), softmax)};
        }, (g, y) -> {
            long[] k = keptShape(shape, ax);
            Nd4jTensor softmax = ElementwiseOps.exp(ElementwiseOps.sub(a, GraphGradients.reshape(y, k)));
            return new Nd4jTensor[] {ElementwiseOps.mul(softmax, GraphGradients.reshape(g, k))};
        }, a);
    }

    // The softmax family broadcasts its per-row results (max, sums) inside the pairwise ops rather
    // than materialising .broadcast(shape) copies, and frees its temporaries at once: fresh native
    // memory is the expensive part of a small op here.

    public static Nd4jTensor softmax(Nd4jTensor a, int dim) {
        int[] ax = axes(a, new int[] {dim}, "softmax");
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("softmax", a);
        }
        INDArray x = a.value();
        INDArray max = x.max(true, ax);
        INDArray e = Transforms.exp(ElementwiseOps.apply("softmax", Arith.SUB, x, max), false);
        max.close();
        INDArray sum = e.sum(true, ax);
        INDArray out = ElementwiseOps.applyInto(Arith.DIV, e, sum, e);
        sum.close();
        // dx = y * (g - sum(g * y))
        return Nd4jTensor.record("softmax", out, g -> {
            INDArray gy = g.mul(out);
            INDArray s = gy.sum(true, ax);
            gy.close();
            INDArray dx = ElementwiseOps.apply("softmax", Arith.SUB, g, s);
            s.close();
            return new INDArray[] {dx.muli(out)};
        }, (g, y) -> new Nd4jTensor[] {ElementwiseOps.mul(y, ElementwiseOps.sub(g, sum(ElementwiseOps.mul(g, y), ax, true)))}, a);
    }

    public static Nd4jTensor logSoftmax(Nd4jTensor a, int dim) {
        int[] ax = axes(a, new int[] {dim}, "logSoftmax");
        if (a.value().isEmpty()) {
            return EmptyOps.sameShape("logSoftmax", a);
        }
        INDArray x = a.value();
        INDArray max = x.max(true, ax);
        INDArray out = ElementwiseOps.apply("logSoftmax", Arith.SUB, x, max);
        max.close();
        INDArray e = Transforms.exp(out, true);
        INDArray logSum = Transforms.log(e.sum(true, ax), false);
        e.close();
        ElementwiseOps.applyInto(Arith.SUB, out, logSum, out);
        logSum.close();
        // dx = g - softmax * sum(g)
        return Nd4jTensor.record("logSoftmax", out, g -> {
            INDArray s = g.sum(true, ax);
            INDArray dx = Transforms.exp(out, true);
            ElementwiseOps.applyInto(Arith.MUL, dx, s, dx);
            s.close();
            return new INDArray[] {dx.rsubi(g)};
        }, (g, y) -> new Nd4jTensor[] {ElementwiseOps.sub(g, ElementwiseOps.mul(ElementwiseOps.exp(y), sum(g, ax, true)))}, a);
    }

    public static Nd4jTensor norm(Nd4jTensor a, int[] dims, boolean keepDims) {
        int[] ax = axes(a, dims, "norm");
        if (a.value().isEmpty()) {
            return emptyReduction("norm", a, ax, keepDims, 0.0);
        }
        INDArray x = a.value();
        long[] shape = x.shape();
        INDArray kept = Transforms.sqrt(x.mul(x).sum(true, ax), false);
        INDArray out = finish(kept, shape, ax, keepDims);
        return Nd4jTensor.record("norm", out, g -> {
            // x / |x|, with 0 where |x| = 0 (the subgradient PyTorch uses)
            INDArray safe = kept.add(kept.eq(0.0).castTo(kept.dataType()));
            return new INDArray[] {expandBack(g, shape, ax).mul(x).divi(safe.broadcast(shape))};
        }, (g, y) -> {
            Nd4jTensor k = GraphGradients.reshape(y, keptShape(shape, ax));
            Nd4jTensor safe = ElementwiseOps.add(k, constant(kept.eq(0.0).castTo(kept.dataType())));
            return new Nd4jTensor[] {ElementwiseOps.div(ElementwiseOps.mul(GraphGradients.expandBack(g, shape, ax), a), safe)};
        }, a);
    }

    public static Nd4jTensor argmax(Nd4jTensor a, int dim) {
        int axis = ShapeOps.axis(a, dim, "argmax");
        requireNonEmptyAxes("argmax", a, new int[] {axis});
        if (a.value().isEmpty()) {
            return Nd4jTensor.leaf(Nd4j.create(DataType.LONG, reducedShape(a.value().shape(), new int[] {axis}, false)));
        }
        INDArray out = Nd4j.exec(new ArgMax(a.value(), false, new int[] {axis}))[0];
        return Nd4jTensor.leaf(out.castTo(DataType.LONG));
    }
}

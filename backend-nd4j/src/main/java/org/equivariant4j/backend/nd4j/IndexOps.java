package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.Select;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Gather/scatter-style indexing, segment reductions for message passing, and {@code where}, with
 * their backward. Every scatter is a segment sum ({@link Scatter}); ND4J's {@code ScatterAdd} is
 * never used (it loses updates with 2 threads). Indices are validated before any native call.
 */
final class IndexOps {

    private IndexOps() {
    }

    public static Nd4jTensor indexSelect(Nd4jTensor a, int dim, Nd4jTensor index) {
        String op = "indexSelect";
        int d = nonScalarAxis(a, dim, op);
        IndexChecks.requireInteger(op, "index", index);
        IndexChecks.requireRank(op, "index", index, 1);
        IndexChecks.requireInRange(op, "index", index, a.size(d), describeDim(a, d));
        INDArray idx = index.value();
        long size = a.value().size(d);
        long[] outShape = a.value().shape().clone();
        outShape[d] = idx.length();
        AllocationLimit.check(op, outShape, a.value().dataType());
        return Nd4jTensor.record(op, Scatter.gather(a.value(), d, idx),
                g -> new INDArray[] {Scatter.sum(g, d, idx, size), null},
                (g, y) -> new Nd4jTensor[] {indexAdd(zerosLike(a), d, index, g), null}, a, index);
    }

    /**
     * torch.gather: {@code out[i][j][k] = a[index[i][j][k]][j][k]} for dim 0, and so on. Runs as one
     * gather from the flattened input at computed linear offsets, so no dimension needs a loop.
     */
    public static Nd4jTensor gather(Nd4jTensor a, int dim, Nd4jTensor index) {
        String op = "gather";
        int d = nonScalarAxis(a, dim, op);
        IndexChecks.requireInteger(op, "index", index);
        if (index.rank() != a.rank()) {
            throw new ShapeMismatchException(op + ": index " + Arrays.toString(index.shape()) + " must have the rank of the input "
                    + Arrays.toString(a.shape()));
        }
        for (int k = 0; k < a.rank(); k++) {
            if (k != d && index.size(k) > a.size(k)) {
                throw new ShapeMismatchException(op + ": index " + Arrays.toString(index.shape()) + " is larger than the input "
                        + Arrays.toString(a.shape()) + " in dimension " + k + " (only dimension " + d + " may differ freely)");
            }
        }
        IndexChecks.requireInRange(op, "index", index, a.size(d), describeDim(a, d));
        INDArray x = a.value();
        long[] shape = x.shape();
        long[] outShape = index.value().shape();
        if (index.numel() == 0) {
            return Nd4jTensor.record(op, Nd4j.create(x.dataType(), outShape),
                    g -> new INDArray[] {Nd4j.zeros(x.dataType(), shape), null},
                    (g, y) -> new Nd4jTensor[] {zerosLike(a), null}, a, index);
        }
        INDArray linear = linearOffsets(index.value(), shape, d);
        INDArray flat = LinalgOps.contiguous(x).reshape(x.length());
        INDArray out = Scatter.gather(flat, 0, linear).reshape(outShape);
        return Nd4jTensor.record(op, out, g -> new INDArray[] {
            Scatter.sum(LinalgOps.contiguous(g).reshape(g.length()), 0, linear, flat.length()).reshape(shape), null},
            (g, y) -> {
                Nd4jTensor flatGrad = GraphGradients.reshape(g, new long[] {g.value().length()});
                Nd4jTensor zeros = GraphGradients.constant(Nd4j.zeros(x.dataType(), flat.length()));
                return new Nd4jTensor[] {GraphGradients.reshape(indexAdd(zeros, 0, Nd4jTensor.leaf(linear), flatGrad), shape), null};
            }, a, index);
    }

    /** Row-major offsets into an array of {@code shape} of every entry of {@code index}, taking dimension {@code dim} from it. */
    private static INDArray linearOffsets(INDArray index, long[] shape, int dim) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int k = shape.length - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= shape[k];
        }
        long[] indexShape = index.shape();
        INDArray linear = index.castTo(DataType.LONG).mul(strides[dim]);
        for (int k = 0; k < shape.length; k++) {
            if (k == dim || indexShape[k] == 1) {
                continue;
            }
            long[] along = new long[shape.length];
            Arrays.fill(along, 1);
            along[k] = indexShape[k];
            INDArray coordinate = Nd4j.arange(0, indexShape[k]).castTo(DataType.LONG).muli(strides[k]).reshape(along);
            linear.addi(coordinate.broadcast(indexShape));
        }
        return linear.reshape(linear.length());
    }

    /** Out of place index_add; differentiable in {@code a} and {@code source}. */
    public static Nd4jTensor indexAdd(Nd4jTensor a, int dim, Nd4jTensor index, Nd4jTensor source) {
        String op = "indexAdd";
        int d = nonScalarAxis(a, dim, op);
        Broadcast.requireSameDType(op, a, source);
        IndexChecks.requireInteger(op, "index", index);
        IndexChecks.requireRank(op, "index", index, 1);
        int[] expected = a.shape();
        expected[d] = (int) index.numel();
        if (!Arrays.equals(source.shape(), expected)) {
            throw new ShapeMismatchException(op + ": source must have shape " + Arrays.toString(expected) + " (the input "
                    + Arrays.toString(a.shape()) + " with dimension " + d + " the length of the index), but was "
                    + Arrays.toString(source.shape()));
        }
        IndexChecks.requireInRange(op, "index", index, a.size(d), describeDim(a, d));
        INDArray x = a.value();
        INDArray idx = index.value();
        INDArray out = x.add(Scatter.sum(source.value(), d, idx, x.size(d)));
        return Nd4jTensor.record(op, out, g -> new INDArray[] {
            g, null, source.requiresGrad() ? Scatter.gather(g, d, idx) : null},
            (g, y) -> new Nd4jTensor[] {g, null, source.requiresGrad() ? indexSelect(g, d, index) : null}, a, index, source);
    }

    public static Nd4jTensor segmentSum(Nd4jTensor a, Nd4jTensor ids, int n) {
        String op = "segmentSum";
        checkSegments(op, a, ids, n);
        INDArray idx = ids.value();
        return Nd4jTensor.record(op, Scatter.sum(a.value(), 0, idx, n), g -> new INDArray[] {Scatter.gather(g, 0, idx), null},
                (g, y) -> new Nd4jTensor[] {indexSelect(g, 0, ids), null}, a, ids);
    }

    public static Nd4jTensor segmentMean(Nd4jTensor a, Nd4jTensor ids, int n) {
        String op = "segmentMean";
        checkSegments(op, a, ids, n);
        INDArray x = a.value();
        INDArray idx = ids.value();
        // An empty segment divides its zero sum by 1, which keeps it 0.
        INDArray divisor = perSegment(Transforms.max(rowCounts(x, idx, n), 1.0, false), x.rank());
        INDArray out = Scatter.sum(x, 0, idx, n).divi(divisor.broadcast(outShape(x, n)));
        return Nd4jTensor.record(op, out, g -> new INDArray[] {Scatter.gather(g.div(divisor.broadcast(g.shape())), 0, idx), null},
                (g, y) -> new Nd4jTensor[] {indexSelect(ElementwiseOps.div(g, GraphGradients.constant(divisor)), 0, ids), null},
                a, ids);
    }

    /**
     * Maximum per segment, 0 for empty segments. Each column has its own maximal row; when rows
     * tie for the maximum the gradient is split evenly between them, as {@code max} does.
     */
    public static Nd4jTensor segmentMax(Nd4jTensor a, Nd4jTensor ids, int n) {
        String op = "segmentMax";
        checkSegments(op, a, ids, n);
        INDArray x = a.value();
        INDArray idx = ids.value();
        long[] shape = outShape(x, n);
        INDArray out;
        if (x.length() == 0 || n == 0) {
            out = Nd4j.zeros(x.dataType(), shape);
        } else {
            // The kernel leaves the dtype's lowest value in empty segments; the contract says 0.
            INDArray filled = perSegment(rowCounts(x, idx, n).gt(0.0), x.rank()).broadcast(shape);
            out = select(filled, Scatter.maxRows(x, idx, n), Nd4j.zeros(x.dataType(), shape));
        }
        return Nd4jTensor.record(op, out, g -> {
            if (x.length() == 0) {
                return new INDArray[] {Nd4j.zeros(x.dataType(), x.shape()), null};
            }
            INDArray isMax = isSegmentMax(x, idx, out);
            INDArray ties = Transforms.max(Scatter.sum(isMax, 0, idx, n), 1.0, false);
            return new INDArray[] {Scatter.gather(g.div(ties), 0, idx).muli(isMax), null};
        }, (g, y) -> {
            if (x.length() == 0) {
                return new Nd4jTensor[] {zerosLike(a), null};
            }
            INDArray isMax = isSegmentMax(x, idx, out);
            INDArray ties = Transforms.max(Scatter.sum(isMax, 0, idx, n), 1.0, false);
            Nd4jTensor shared = indexSelect(ElementwiseOps.div(g, GraphGradients.constant(ties)), 0, ids);
            return new Nd4jTensor[] {ElementwiseOps.mul(shared, GraphGradients.constant(isMax)), null};
        }, a, ids);
    }

    /** 1 where a row's entry equals its segment's maximum {@code out}, 0 elsewhere. */
    private static INDArray isSegmentMax(INDArray x, INDArray idx, INDArray out) {
        return x.eq(Scatter.gather(out, 0, idx)).castTo(x.dataType());
    }

    /** Zeros of {@code a}'s shape and dtype, outside the graph. */
    private static Nd4jTensor zerosLike(Nd4jTensor a) {
        return GraphGradients.constant(Nd4j.zeros(a.value().dataType(), a.value().shape()));
    }

    private static void checkSegments(String op, Nd4jTensor a, Nd4jTensor ids, int n) {
        if (a.rank() == 0) {
            throw new ShapeMismatchException(op + ": needs a tensor with at least one dimension (the rows), got a scalar");
        }
        if (n < 0) {
            throw new ShapeMismatchException(op + ": numSegments must not be negative, was " + n);
        }
        IndexChecks.requireInteger(op, "segmentIds", ids);
        IndexChecks.requireRank(op, "segmentIds", ids, 1);
        if (ids.numel() != a.size(0)) {
            throw new ShapeMismatchException(op + ": segmentIds has " + ids.numel() + " entries but the input "
                    + Arrays.toString(a.shape()) + " has " + a.size(0) + " rows (one id per row)");
        }
        IndexChecks.requireInRange(op, "segmentIds", ids, n, "numSegments " + n);
        AllocationLimit.check(op, outShape(a.value(), n), a.value().dataType());
    }

    /** How many rows each segment has, as a vector of the rows' dtype. */
    private static INDArray rowCounts(INDArray x, INDArray ids, long n) {
        return Scatter.sum(Nd4j.ones(x.dataType(), x.size(0)), 0, ids, n);
    }

    /** A per-segment vector shaped [n, 1, ...] to broadcast against a [n, ...] result of the given rank. */
    private static INDArray perSegment(INDArray v, int rank) {
        long[] shape = new long[rank];
        Arrays.fill(shape, 1);
        shape[0] = v.length();
        return v.reshape(shape);
    }

    private static long[] outShape(INDArray x, long n) {
        long[] shape = x.shape().clone();
        shape[0] = n;
        return shape;
    }

    /** {@code condition ? a : b} elementwise with broadcasting of all three; differentiable in {@code a} and {@code b}. */
    public static Nd4jTensor where(Nd4jTensor condition, Nd4jTensor a, Nd4jTensor b) {
        String op = "where";
        if (condition.value().dataType() != DataType.BOOL) {
            throw new DTypeMismatchException(op + ": the condition must be BOOL, was " + condition.dtype());
        }
        Broadcast.requireSameDType(op, a, b);
        INDArray c = condition.value();
        INDArray x = a.value();
        INDArray y = b.value();
        long[] shape;
        try {
            shape = Broadcast.shape(op, Broadcast.shape(op, c.shape(), x.shape()), y.shape());
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException(op + ": condition " + Arrays.toString(c.shape()) + ", a " + Arrays.toString(x.shape())
                    + " and b " + Arrays.toString(y.shape()) + " do not broadcast to one shape");
        }
        AllocationLimit.check(op, shape, x.dataType());
        if (c.isEmpty() || x.isEmpty() || y.isEmpty()) {
            return EmptyOps.result(op, Nd4j.create(x.dataType(), shape), condition, a, b);
        }
        INDArray cb = Broadcast.to(c, shape);
        // A selection, not c*a + (1-c)*b: an Inf or NaN in the branch not taken must not leak into the result.
        INDArray out = select(cb, Broadcast.to(x, shape), Broadcast.to(y, shape));
        return Nd4jTensor.record(op, out, g -> {
            INDArray zeros = Nd4j.zeros(g.dataType(), shape);
            return new INDArray[] {null,
                a.requiresGrad() ? Broadcast.reduceTo(select(cb, g, zeros), x.shape()) : null,
                b.requiresGrad() ? Broadcast.reduceTo(select(cb, zeros, g), y.shape()) : null};
        }, (g, selected) -> {
            Nd4jTensor zeros = GraphGradients.constant(Nd4j.zeros(x.dataType(), shape));
            return new Nd4jTensor[] {null,
                a.requiresGrad() ? GraphGradients.reduceTo(where(condition, g, zeros), x.shape()) : null,
                b.requiresGrad() ? GraphGradients.reduceTo(where(condition, zeros, g), y.shape()) : null};
        }, condition, a, b);
    }

    /** Elementwise {@code c ? x : y} for arrays of one shape. */
    private static INDArray select(INDArray c, INDArray x, INDArray y) {
        return Nd4j.exec(new Select(new INDArray[] {c, x, y}, null))[0];
    }

    private static int nonScalarAxis(Nd4jTensor a, int dim, String op) {
        if (a.rank() == 0) {
            throw new ShapeMismatchException(op + ": needs a tensor with at least one dimension, got a scalar");
        }
        return ShapeOps.axis(a, dim, op);
    }

    private static String describeDim(Nd4jTensor a, int d) {
        return "dimension " + d + " of shape " + Arrays.toString(a.shape());
    }
}

package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.DTypeMismatchException;
import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.error.NumericalAnomalyException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.AnomalyMode;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.FusedActivation;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.PadMode;
import org.equivariant4j.core.tensor.PoolSpec;
import org.equivariant4j.core.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * {@link Tensor} on an ND4J {@link INDArray}. Holds the value, the gradient bookkeeping and,
 * for op results, the {@link Node} that made it. The ops themselves live in {@code ops/}, one
 * family per class; this class only dispatches to them.
 */
final class Nd4jTensor implements Tensor {
    private final INDArray value;
    private final Node node;
    private boolean requiresGrad;
    private INDArray grad;
    /** The gradient accumulated by a create-graph backward, with its history; when set, {@link #grad} is null. */
    private Nd4jTensor graphGrad;

    private Nd4jTensor(INDArray value, Node node, boolean requiresGrad) {
        this.value = value;
        this.node = node;
        this.requiresGrad = requiresGrad;
    }

    /** A leaf around {@code value}, which the tensor then owns. */
    public static Nd4jTensor leaf(INDArray value) {
        return new Nd4jTensor(value, null, false);
    }

    /**
     * The result of op {@code op}: records its first-order {@code backward} and its
     * {@code graphBackward} (the same derivative in tensor ops, for create-graph passes; every op
     * gives one, so that a second-order gradient through it exists) when gradient mode is on and an
     * input requires a gradient, and, in anomaly mode, refuses NaN/Inf naming the op.
     */
    public static Nd4jTensor record(String op, INDArray out, BackwardFn backward, GraphBackward graphBackward,
            Nd4jTensor... inputs) {
        if (AnomalyMode.isEnabled() && hasNonFinite(out)) {
            StringBuilder shapes = new StringBuilder();
            for (Nd4jTensor in : inputs) {
                shapes.append(shapes.length() == 0 ? "" : ", ").append(Arrays.toString(in.shape()));
            }
            throw new NumericalAnomalyException(op + " produced NaN or Inf (inputs " + shapes + ")");
        }
        if (GradMode.isEnabled()) {
            for (Nd4jTensor in : inputs) {
                if (in.requiresGrad) {
                    return new Nd4jTensor(out, new Node(op, inputs, backward, graphBackward), true);
                }
            }
        }
        return new Nd4jTensor(out, null, false);
    }

    /** Casts a tensor of the public API to this engine's, or explains why it cannot. */
    public static Nd4jTensor of(Tensor t, String op) {
        if (t instanceof Nd4jTensor n) {
            return n;
        }
        throw new Equivariant4jException(op + ": cannot mix tensors of different backends (" + t.getClass().getName()
                + " given to the nd4j backend)");
    }

    public static boolean hasNonFinite(INDArray a) {
        if (!a.dataType().isFPType() || a.isEmpty()) {
            return false;
        }
        return BooleanIndexing.or(a, Conditions.isNan()) || BooleanIndexing.or(a, Conditions.isInfinite());
    }

    /** The ND4J value. Read-only by convention: ops never mutate their inputs. */
    public INDArray value() {
        return value;
    }

    /** The op that made this tensor, or null for a leaf. */
    public Node node() {
        return node;
    }

    /** Called by {@link Autograd} with this leaf's share of the gradient. */
    public void accumulateGrad(INDArray g) {
        if (!requiresGrad) {
            return;
        }
        foldGraphGrad();
        if (g.isEmpty()) {
            // No entries to add (ND4J refuses arithmetic on empty arrays); a first one is kept as the gradient.
            grad = grad == null ? Nd4j.create(g.dataType(), g.shape()) : grad;
            return;
        }
        // g may alias an upstream gradient or a value: own a copy before accumulating into it.
        grad = grad == null ? g.dup() : grad.addi(g);
    }

    /**
     * Called by {@link Autograd} with a gradient array nothing else refers to: a leaf without a
     * gradient yet takes it as its accumulator instead of a copy. Returns whether it did.
     */
    public boolean adoptGrad(INDArray g) {
        if (!requiresGrad || grad != null || graphGrad != null || g.dataType() != value.dataType()) {
            return false;
        }
        grad = g;
        return true;
    }

    /**
     * Called by {@link GraphAutograd} with this leaf's share of a create-graph gradient: kept with its
     * history (summed, recorded, with what was there before).
     */
    public void accumulateGraphGrad(Nd4jTensor g) {
        if (!requiresGrad) {
            return;
        }
        Nd4jTensor previous = graphGrad != null ? graphGrad : grad != null ? leaf(grad) : null;
        graphGrad = previous == null ? g : ElementwiseOps.add(previous, g);
        grad = null;
    }

    /** A first-order pass adds into a plain array of its own: the history of a create-graph gradient is dropped here. */
    private void foldGraphGrad() {
        if (graphGrad != null) {
            grad = graphGrad.value.dup();
            graphGrad = null;
        }
    }

    // ---------------------------------------------------------------- metadata

    @Override
    public int[] shape() {
        long[] s = value.shape();
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (int) s[i];
        }
        return out;
    }

    @Override
    public int rank() {
        return value.rank();
    }

    @Override
    public int size(int dim) {
        return (int) value.size(ShapeOps.axis(this, dim, "size"));
    }

    @Override
    public long numel() {
        return value.length();
    }

    @Override
    public DType dtype() {
        return DTypes.fromNd4j(value.dataType());
    }

    @Override
    public Tensor to(DType dtype) {
        return ElementwiseOps.cast(this, dtype);
    }

    // ---------------------------------------------------------------- autodiff

    @Override
    public boolean requiresGrad() {
        return requiresGrad;
    }

    @Override
    public Tensor requiresGrad(boolean flag) {
        if (node != null) {
            throw new Equivariant4jException("requiresGrad(boolean): only leaves can be marked; this tensor was made by "
                    + node.op() + " (use detach() first)");
        }
        if (flag && !dtype().isFloating()) {
            throw new DTypeMismatchException("requiresGrad(true): only floating tensors carry gradients, this one is " + dtype());
        }
        requiresGrad = flag;
        return this;
    }

    @Override
    public boolean isLeaf() {
        return node == null;
    }

    @Override
    public Tensor grad() {
        if (graphGrad != null) {
            return graphGrad;
        }
        return grad == null ? null : leaf(grad);
    }

    @Override
    public void zeroGrad() {
        grad = null;
        graphGrad = null;
    }

    @Override
    public void backward() {
        if (value.length() != 1) {
            throw new ShapeMismatchException("backward(): needs a one-element tensor, this one has shape "
                    + Arrays.toString(shape()) + "; pass the upstream gradient with backward(Tensor)");
        }
        Autograd.backward(this, Nd4j.onesLike(value), true);
    }

    @Override
    public void backward(boolean createGraph) {
        if (!createGraph) {
            backward();
            return;
        }
        if (value.length() != 1) {
            throw new ShapeMismatchException("backward(true): needs a one-element tensor, this one has shape "
                    + Arrays.toString(shape()) + "; use Tensor.grad with gradOutputs for a non-scalar output");
        }
        GraphAutograd.backward(java.util.List.of(this), java.util.List.of(leaf(Nd4j.onesLike(value))));
    }

    @Override
    public void backward(Tensor gradient) {
        Nd4jTensor g = of(gradient, "backward");
        if (!Arrays.equals(g.value.shape(), value.shape()) || g.value.dataType() != value.dataType()) {
            throw new ShapeMismatchException("backward(Tensor): the gradient must match the tensor: expected "
                    + Arrays.toString(shape()) + " " + dtype() + " but was " + Arrays.toString(g.shape()) + " " + g.dtype());
        }
        Autograd.backward(this, g.value, false);
    }

    @Override
    public Tensor detach() {
        return new Nd4jTensor(value, null, false);
    }

    @Override
    public Tensor assign(Tensor source) {
        Nd4jTensor s = of(source, "assign");
        if (!Arrays.equals(s.value.shape(), value.shape())) {
            throw new ShapeMismatchException("assign: expected shape " + Arrays.toString(shape()) + " but was "
                    + Arrays.toString(s.shape()));
        }
        value.assign(s.value);
        return this;
    }


    // ---------------------------------------------------------------- elementwise

    @Override
    public Tensor add(Tensor other) {
        return ElementwiseOps.add(this, of(other, "add"));
    }

    @Override
    public Tensor add(double scalar) {
        return ElementwiseOps.addScalar(this, scalar);
    }

    @Override
    public Tensor sub(Tensor other) {
        return ElementwiseOps.sub(this, of(other, "sub"));
    }

    @Override
    public Tensor sub(double scalar) {
        return ElementwiseOps.addScalar(this, -scalar);
    }

    @Override
    public Tensor mul(Tensor other) {
        return ElementwiseOps.mul(this, of(other, "mul"));
    }

    @Override
    public Tensor mul(double scalar) {
        return ElementwiseOps.mulScalar(this, scalar);
    }

    @Override
    public Tensor div(Tensor other) {
        return ElementwiseOps.div(this, of(other, "div"));
    }

    @Override
    public Tensor div(double scalar) {
        if (!dtype().isFloating()) {
            throw new DTypeMismatchException("div: integer division of a " + dtype() + " tensor is not defined here;"
                    + " convert it with to(DType.FLOAT32) first");
        }
        return ElementwiseOps.mulScalar(this, 1.0 / scalar);
    }

    @Override
    public Tensor pow(Tensor exponent) {
        return ElementwiseOps.pow(this, of(exponent, "pow"));
    }

    @Override
    public Tensor pow(double exponent) {
        return ElementwiseOps.powScalar(this, exponent);
    }

    @Override
    public Tensor neg() {
        return ElementwiseOps.mulScalar(this, -1.0);
    }

    @Override
    public Tensor exp() {
        return ElementwiseOps.exp(this);
    }

    @Override
    public Tensor log() {
        return ElementwiseOps.log(this);
    }

    @Override
    public Tensor sqrt() {
        return ElementwiseOps.sqrt(this);
    }

    @Override
    public Tensor abs() {
        return ElementwiseOps.abs(this);
    }

    @Override
    public Tensor sin() {
        return ElementwiseOps.sin(this);
    }

    @Override
    public Tensor cos() {
        return ElementwiseOps.cos(this);
    }

    @Override
    public Tensor tanh() {
        return ElementwiseOps.tanh(this);
    }

    @Override
    public Tensor sigmoid() {
        return ElementwiseOps.sigmoid(this);
    }

    @Override
    public Tensor relu() {
        return ElementwiseOps.leakyRelu(this, 0.0, "relu");
    }

    @Override
    public Tensor leakyRelu(double slope) {
        return ElementwiseOps.leakyRelu(this, slope, "leakyRelu");
    }

    @Override
    public Tensor elu(double alpha) {
        return ElementwiseOps.elu(this, alpha);
    }

    @Override
    public Tensor gelu() {
        return ElementwiseOps.gelu(this);
    }

    @Override
    public Tensor silu() {
        return ElementwiseOps.silu(this);
    }

    @Override
    public Tensor softplus() {
        return ElementwiseOps.softplus(this);
    }

    @Override
    public Tensor clamp(double min, double max) {
        return ElementwiseOps.clamp(this, min, max);
    }

    @Override
    public Tensor gt(Tensor other) {
        return ElementwiseOps.compare(this, of(other, "gt"), "gt");
    }

    @Override
    public Tensor gt(double scalar) {
        return ElementwiseOps.compareScalar(this, scalar, "gt");
    }

    @Override
    public Tensor lt(Tensor other) {
        return ElementwiseOps.compare(this, of(other, "lt"), "lt");
    }

    @Override
    public Tensor lt(double scalar) {
        return ElementwiseOps.compareScalar(this, scalar, "lt");
    }

    @Override
    public Tensor eq(Tensor other) {
        return ElementwiseOps.compare(this, of(other, "eq"), "eq");
    }

    @Override
    public Tensor maskedFill(Tensor mask, double value) {
        return ElementwiseOps.maskedFill(this, of(mask, "maskedFill"), value);
    }

    // ---------------------------------------------------------------- linear algebra

    @Override
    public Tensor matmul(Tensor other) {
        return LinalgOps.matmul(this, of(other, "matmul"));
    }

    @Override
    public Tensor linear(Tensor weight, Tensor bias, FusedActivation activation) {
        Tensor fused = FusedLinearOps.linear(this, of(weight, "linear"), bias == null ? null : of(bias, "linear"), activation);
        return fused != null ? fused : Tensor.super.linear(weight, bias, activation);
    }

    // ---------------------------------------------------------------- reductions

    @Override
    public Tensor sum() {
        return ReductionOps.sum(this, ReductionOps.allDims(this), false);
    }

    @Override
    public Tensor sum(int dim, boolean keepDims) {
        return ReductionOps.sum(this, new int[] {dim}, keepDims);
    }

    @Override
    public Tensor sum(int[] dims, boolean keepDims) {
        return ReductionOps.sum(this, dims, keepDims);
    }

    @Override
    public Tensor mean() {
        return ReductionOps.mean(this, ReductionOps.allDims(this), false);
    }

    @Override
    public Tensor mean(int dim, boolean keepDims) {
        return ReductionOps.mean(this, new int[] {dim}, keepDims);
    }

    @Override
    public Tensor mean(int[] dims, boolean keepDims) {
        return ReductionOps.mean(this, dims, keepDims);
    }

    @Override
    public Tensor max() {
        return ReductionOps.extremum(this, ReductionOps.allDims(this), false, true);
    }

    @Override
    public Tensor max(int dim, boolean keepDims) {
        return ReductionOps.extremum(this, new int[] {dim}, keepDims, true);
    }

    @Override
    public Tensor min(int dim, boolean keepDims) {
        return ReductionOps.extremum(this, new int[] {dim}, keepDims, false);
    }

    @Override
    public Tensor var(int[] dims, boolean keepDims) {
        return ReductionOps.var(this, dims, keepDims);
    }

    @Override
    public Tensor logSumExp(int dim, boolean keepDims) {
        return ReductionOps.logSumExp(this, dim, keepDims);
    }

    @Override
    public Tensor softmax(int dim) {
        return ReductionOps.softmax(this, dim);
    }

    @Override
    public Tensor logSoftmax(int dim) {
        return ReductionOps.logSoftmax(this, dim);
    }

    @Override
    public Tensor norm() {
        return ReductionOps.norm(this, ReductionOps.allDims(this), false);
    }

    @Override
    public Tensor norm(int dim, boolean keepDims) {
        return ReductionOps.norm(this, new int[] {dim}, keepDims);
    }

    @Override
    public Tensor argmax(int dim) {
        return ReductionOps.argmax(this, dim);
    }

    // ---------------------------------------------------------------- shape

    @Override
    public Tensor reshape(int... shape) {
        return ShapeOps.reshape(this, shape);
    }

    @Override
    public Tensor permute(int... order) {
        return ShapeOps.permute(this, order);
    }

    @Override
    public Tensor transpose(int dim0, int dim1) {
        return ShapeOps.transpose(this, dim0, dim1);
    }

    @Override
    public Tensor expand(int... shape) {
        return ShapeOps.expand(this, shape);
    }

    @Override
    public Tensor squeeze(int dim) {
        return ShapeOps.squeeze(this, dim);
    }

    @Override
    public Tensor unsqueeze(int dim) {
        return ShapeOps.unsqueeze(this, dim);
    }

    @Override
    public Tensor narrow(int dim, int start, int length) {
        return ShapeOps.slice(this, dim, start, start + length, 1, "narrow");
    }

    @Override
    public Tensor slice(int dim, int start, int end, int step) {
        return ShapeOps.slice(this, dim, start, end, step, "slice");
    }

    @Override
    public Tensor flip(int... dims) {
        return ShapeOps.flip(this, dims);
    }

    @Override
    public Tensor roll(int shift, int dim) {
        return ShapeOps.roll(this, shift, dim);
    }

    @Override
    public Tensor pad(int[] padding, PadMode mode, double value) {
        return ShapeOps.pad(this, padding, mode, value);
    }

    // ---------------------------------------------------------------- indexing

    @Override
    public Tensor indexSelect(int dim, Tensor index) {
        return IndexOps.indexSelect(this, dim, of(index, "indexSelect"));
    }

    @Override
    public Tensor gather(int dim, Tensor index) {
        return IndexOps.gather(this, dim, of(index, "gather"));
    }

    @Override
    public Tensor indexAdd(int dim, Tensor index, Tensor source) {
        return IndexOps.indexAdd(this, dim, of(index, "indexAdd"), of(source, "indexAdd"));
    }

    @Override
    public Tensor segmentSum(Tensor segmentIds, int numSegments) {
        return IndexOps.segmentSum(this, of(segmentIds, "segmentSum"), numSegments);
    }

    @Override
    public Tensor segmentMean(Tensor segmentIds, int numSegments) {
        return IndexOps.segmentMean(this, of(segmentIds, "segmentMean"), numSegments);
    }

    @Override
    public Tensor segmentMax(Tensor segmentIds, int numSegments) {
        return IndexOps.segmentMax(this, of(segmentIds, "segmentMax"), numSegments);
    }

    // ---------------------------------------------------------------- convolution, pooling, sampling

    @Override
    public Tensor conv(Tensor weight, Tensor bias, ConvSpec spec) {
        return ConvOps.conv(this, of(weight, "conv"), bias == null ? null : of(bias, "conv"), spec);
    }

    @Override
    public Tensor convTranspose(Tensor weight, Tensor bias, ConvSpec spec) {
        return ConvOps.convTranspose(this, of(weight, "convTranspose"), bias == null ? null : of(bias, "convTranspose"), spec);
    }

    @Override
    public Tensor maxPool(PoolSpec spec) {
        return PoolOps.maxPool(this, spec);
    }

    @Override
    public Tensor avgPool(PoolSpec spec) {
        return PoolOps.avgPool(this, spec);
    }

    @Override
    public Tensor adaptiveAvgPool(int... outputSize) {
        return PoolOps.adaptivePool(this, outputSize, false);
    }

    @Override
    public Tensor adaptiveMaxPool(int... outputSize) {
        return PoolOps.adaptivePool(this, outputSize, true);
    }

    @Override
    public Tensor rfft(int dims) {
        return FftOps.rfft(this, dims);
    }

    @Override
    public Tensor irfft(int... sizes) {
        return FftOps.irfft(this, sizes);
    }

    @Override
    public Tensor gridSample(Tensor grid, boolean alignCorners) {
        return SamplingOps.gridSample(this, of(grid, "gridSample"), alignCorners);
    }

    // ---------------------------------------------------------------- leaving

    @Override
    public double item() {
        if (value.length() != 1) {
            throw new ShapeMismatchException("item(): needs a one-element tensor, this one has shape " + Arrays.toString(shape()));
        }
        return value.getDouble(0);
    }

    @Override
    public float[] toFloatArray() {
        return value.dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat();
    }

    @Override
    public double[] toDoubleArray() {
        return value.dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).data().asDouble();
    }

    @Override
    public long[] toLongArray() {
        return value.dup('c').castTo(org.nd4j.linalg.api.buffer.DataType.LONG).data().asLong();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new InvalidArgumentException("unwrap: the nd4j backend holds an INDArray, not a " + type.getName());
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape()) + " " + dtype() + (requiresGrad ? " requiresGrad" : "")
                + (node != null ? " <" + node.op() + ">" : "");
    }
}

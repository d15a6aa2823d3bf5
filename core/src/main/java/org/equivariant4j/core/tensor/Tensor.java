package org.equivariant4j.core.tensor;

import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * The n-dimensional array every layer computes with, with eager reverse-mode autodiff.
 *
 * <p>Values are immutable from the point of view of layers: every op returns a new tensor and,
 * when {@link GradMode} is on and an input requires a gradient, records how to propagate the
 * gradient back. {@link #backward()} then fills {@link #grad()} of every leaf that requires one;
 * {@link #grad(List, List, boolean)} returns the gradients instead, and with {@code createGraph}
 * records the backward pass itself so that gradients can be differentiated again (Hessian-vector
 * products, gradient penalties, forces as -dE/dx, MAML).
 * The only mutating calls are {@link #assign(Tensor)} (for optimisers, outside the graph) and
 * the gradient bookkeeping ({@link #zeroGrad()}, {@link #requiresGrad(boolean)}).
 *
 * <p>Binary elementwise ops broadcast like NumPy. Negative dimension indices count from the end.
 * Both operands of a binary op must have the same dtype; a mismatch, or shapes that do not
 * broadcast, throw an exception that names the op and both shapes.
 *
 * <p>Empty tensors (an extent of 0, e.g. an empty batch {@code [0, n]}) behave as in PyTorch: ops
 * keep their output shapes ({@code [0, n]} through a matmul or an elementwise function is
 * {@code [0, m]}); a reduction over an extent of 0 gives its identity ({@link #sum()} 0,
 * {@link #norm()} 0, {@link #mean()} and {@link #var} NaN, {@link #logSumExp} -inf), while
 * {@link #max()}, {@link #min} and {@link #argmax} over one throw, having no value to give;
 * pooling and convolution accept an empty batch but not an empty channel or spatial extent. An
 * input that only meets an empty tensor gets a zero gradient.
 *
 * <p>Every op whose result can be larger than its inputs (the factories, broadcasting, matmul,
 * pad, concat, index and segment ops, convolution, pooling, sampling) checks the request before
 * allocating and throws {@link org.equivariant4j.core.error.TensorTooLargeException}, naming the
 * op, the shape and the limit, when it overflows or passes the engine's memory limit or what the
 * machine has available (see {@link TensorBackend#checkAllocation}).
 *
 * <p>Tensors are created through {@link Tensors}; the engine behind them is a {@link TensorBackend}
 * found on the class path.
 */
public interface Tensor {

    // ---------------------------------------------------------------- metadata

    /** The shape; a copy the caller may keep. A scalar has shape {@code []}. */
    int[] shape();

    /** Number of dimensions. */
    int rank();

    /** Extent of dimension {@code dim} (negative counts from the end). */
    int size(int dim);

    /** Number of elements. */
    long numel();

    DType dtype();

    /** A copy converted to {@code dtype}; differentiable between floating types. */
    Tensor to(DType dtype);

    // ---------------------------------------------------------------- autodiff

    /** Whether gradients flow to or through this tensor. */
    boolean requiresGrad();

    /**
     * Marks a leaf (a tensor no op produced) as requiring a gradient. Returns {@code this}.
     * Only floating dtypes can require gradients.
     */
    Tensor requiresGrad(boolean requiresGrad);

    /** True when no recorded op produced this tensor. */
    boolean isLeaf();

    /**
     * The accumulated gradient of a leaf, or {@code null} before the first backward. The result
     * shares storage with the accumulator: {@link #assign} on it changes the gradient in place,
     * which is how optimisers' gradient clipping rescales it.
     */
    Tensor grad();

    /** Clears the accumulated gradient. */
    void zeroGrad();

    /** Back-propagates from this scalar: d(this)/d(this) = 1. Gradients accumulate into leaves. */
    void backward();

    /** Back-propagates with an explicit upstream gradient of this tensor's shape. */
    void backward(Tensor gradient);

    /**
     * {@link #backward()}, optionally recording the backward pass itself (PyTorch's
     * {@code backward(create_graph=True)}). With {@code createGraph} the gradients accumulated
     * into the leaves are differentiable tensors: {@link #grad()} of a leaf then has the graph of
     * how it was computed, and a later backward through it (a gradient penalty, a Hessian-vector
     * product) reaches the leaves again. Without it this is {@link #backward()}.
     */
    void backward(boolean createGraph);

    /**
     * The gradients of {@code sum(outputs)} with respect to {@code inputs}, returned instead of
     * accumulated into {@link #grad()} (no leaf's gradient changes), as PyTorch's
     * {@code torch.autograd.grad}. See {@link #grad(List, List, List, boolean, boolean)}.
     */
    static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, boolean createGraph) {
        return grad(outputs, null, inputs, createGraph, false);
    }

    /**
     * The gradients of {@code sum_i <gradOutputs[i], outputs[i]>} with respect to each of
     * {@code inputs}, in order, as PyTorch's {@code torch.autograd.grad}. Leaves' {@link #grad()}
     * are left alone.
     *
     * <ul>
     *   <li>{@code outputs}: tensors that require a gradient (any shape).</li>
     *   <li>{@code gradOutputs}: one seed per output, of its shape and dtype; {@code null} means ones
     *       for every output (so a scalar loss needs none). A seed may itself require a gradient.</li>
     *   <li>{@code inputs}: leaves or intermediate tensors that require a gradient; for an
     *       intermediate tensor the result is the gradient flowing into it.</li>
     *   <li>{@code createGraph}: when true the returned gradients are recorded in the graph (every
     *       op's backward runs as tensor ops), so they can be differentiated again: Hessian-vector
     *       products, input-gradient penalties, forces as -dE/dx trained on, MAML inner steps. When
     *       false they are plain tensors with no history, computed by the fast first-order path.</li>
     *   <li>{@code allowUnused}: an input no output depends on is an error naming it, unless this is
     *       true; its gradient is then zeros of its shape (no history).</li>
     * </ul>
     *
     * @throws InvalidArgumentException on empty lists, mismatched seeds, an output or input that
     *     does not require a gradient, or an unused input without {@code allowUnused}
     */
    static List<Tensor> grad(List<Tensor> outputs, List<Tensor> gradOutputs, List<Tensor> inputs, boolean createGraph,
            boolean allowUnused) {
        if (outputs == null || outputs.isEmpty() || inputs == null || inputs.isEmpty()) {
            throw new InvalidArgumentException("Tensor.grad: needs at least one output and one input, got " + outputs
                    + " and " + inputs);
        }
        if (gradOutputs != null && gradOutputs.size() != outputs.size()) {
            throw new InvalidArgumentException("Tensor.grad: " + gradOutputs.size() + " gradOutputs for " + outputs.size()
                    + " outputs (one seed per output, or null for ones)");
        }
        return Tensors.backend().gradients(outputs, gradOutputs, inputs, createGraph, allowUnused);
    }

    /** The same values, cut from the graph: no gradient flows through the result. */
    Tensor detach();

    /** Copies {@code source}'s values into this tensor in place (same shape), outside the graph. Returns {@code this}. */
    Tensor assign(Tensor source);

    // ---------------------------------------------------------------- elementwise arithmetic

    Tensor add(Tensor other);

    Tensor add(double scalar);

    Tensor sub(Tensor other);

    Tensor sub(double scalar);

    Tensor mul(Tensor other);

    Tensor mul(double scalar);

    Tensor div(Tensor other);

    Tensor div(double scalar);

    /** Elementwise power with a tensor exponent; the base must be positive where the exponent is not an integer. */
    Tensor pow(Tensor exponent);

    Tensor pow(double exponent);

    Tensor neg();

    // ---------------------------------------------------------------- elementwise functions

    Tensor exp();

    Tensor log();

    Tensor sqrt();

    Tensor abs();

    Tensor sin();

    Tensor cos();

    Tensor tanh();

    Tensor sigmoid();

    Tensor relu();

    /** {@code x} for positive x, {@code slope * x} otherwise. */
    Tensor leakyRelu(double slope);

    /** {@code x} for positive x, {@code alpha * (exp(x) - 1)} otherwise. */
    Tensor elu(double alpha);

    /** Gaussian error linear unit, exact (erf) form. */
    Tensor gelu();

    /** {@code x * sigmoid(x)} (swish). */
    Tensor silu();

    /** {@code log(1 + exp(x))}, computed stably. */
    Tensor softplus();

    /** Limits values to [min, max]; NaN stays NaN (as PyTorch). The gradient is zero outside [min, max] and at NaN. */
    Tensor clamp(double min, double max);

    // ---------------------------------------------------------------- comparisons and masks (not differentiable)

    /** Elementwise {@code this > other} as a BOOL tensor (broadcasting). */
    Tensor gt(Tensor other);

    Tensor gt(double scalar);

    /** Elementwise {@code this < other} as a BOOL tensor (broadcasting). */
    Tensor lt(Tensor other);

    Tensor lt(double scalar);

    /** Elementwise equality as a BOOL tensor (broadcasting). */
    Tensor eq(Tensor other);

    /** Where {@code mask} (BOOL, broadcast to this shape) is true, {@code value}; elsewhere this tensor. */
    Tensor maskedFill(Tensor mask, double value);

    // ---------------------------------------------------------------- linear algebra

    /**
     * Matrix product over the last two dimensions; leading (batch) dimensions broadcast. A rank-1
     * operand is treated as a row (left) or column (right) vector and that dimension is dropped.
     */
    Tensor matmul(Tensor other);

    /**
     * {@code activation(this · weightᵀ + bias)}: a linear layer with its activation, for a {@code [..., in]} tensor, an
     * {@code [out, in]} weight (PyTorch's layout) and an {@code [out]} bias, or null for none. Shapes and dtypes are
     * checked as by the ops it stands for. This default composes {@link #matmul}, {@link #add} and the activation; an
     * engine may run it as one op instead (the bias added inside the GEMM, the activation applied in the same pass,
     * and one pass back), with the same values and gradients.
     */
    default Tensor linear(Tensor weight, Tensor bias, FusedActivation activation) {
        Tensor out = matmul(weight.transpose(0, 1));
        return activation.apply(bias == null ? out : out.add(bias));
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements, a scalar. */
    Tensor sum();

    Tensor sum(int dim, boolean keepDims);

    Tensor sum(int[] dims, boolean keepDims);

    /** Mean of all elements, a scalar. */
    Tensor mean();

    Tensor mean(int dim, boolean keepDims);

    Tensor mean(int[] dims, boolean keepDims);

    /** Largest element, a scalar; the gradient goes to the (first) maximal entry. */
    Tensor max();

    Tensor max(int dim, boolean keepDims);

    Tensor min(int dim, boolean keepDims);

    /** Population variance (divides by n) over {@code dims}. */
    Tensor var(int[] dims, boolean keepDims);

    /** {@code log(sum(exp(x)))} over {@code dim}, computed stably. */
    Tensor logSumExp(int dim, boolean keepDims);

    Tensor softmax(int dim);

    Tensor logSoftmax(int dim);

    /** Euclidean norm over all elements, a scalar. */
    Tensor norm();

    /** Euclidean norm over {@code dim}. */
    Tensor norm(int dim, boolean keepDims);

    /** Index of the largest entry along {@code dim} as INT64 (not differentiable). */
    Tensor argmax(int dim);

    // ---------------------------------------------------------------- shape

    /** Same elements in a new shape; one entry may be -1 (inferred). */
    Tensor reshape(int... shape);

    /** Dimensions reordered: result dimension i is this tensor's dimension {@code order[i]}. */
    Tensor permute(int... order);

    Tensor transpose(int dim0, int dim1);

    /** Broadcast to {@code shape} (NumPy rules; -1 keeps a dimension). */
    Tensor expand(int... shape);

    /** Removes dimension {@code dim}, which must have size 1. */
    Tensor squeeze(int dim);

    /** Inserts a dimension of size 1 at {@code dim}. */
    Tensor unsqueeze(int dim);

    /** The {@code length} entries of dimension {@code dim} starting at {@code start}. */
    Tensor narrow(int dim, int start, int length);

    /** Entries {@code start, start+step, ...} below {@code end} of dimension {@code dim}. */
    Tensor slice(int dim, int start, int end, int step);

    /** Reverses the order of entries along each of {@code dims}. */
    Tensor flip(int... dims);

    /** Shifts entries along {@code dim} by {@code shift} with wrap-around (positive moves toward higher indices). */
    Tensor roll(int shift, int dim);

    /**
     * Pads the last dimensions. {@code padding} holds (before, after) pairs starting from the
     * last dimension, as in PyTorch's {@code F.pad}: {@code {left, right, top, bottom}} pads a
     * 2D image. {@code value} is used by {@link PadMode#CONSTANT}.
     */
    Tensor pad(int[] padding, PadMode mode, double value);

    // ---------------------------------------------------------------- indexing and message passing

    /** Rows of dimension {@code dim} picked by the integer {@code index} (rank 1), in order; repeats allowed. */
    Tensor indexSelect(int dim, Tensor index);

    /** {@code out[i][j] = this[index[i][j]][j]} for dim 0 (PyTorch {@code gather}); {@code index} has this tensor's rank. */
    Tensor gather(int dim, Tensor index);

    /**
     * Out of place {@code index_add}: a copy of this tensor with each slice {@code source[i]} along
     * {@code dim} added to slice {@code index[i]}. Duplicate indices accumulate.
     */
    Tensor indexAdd(int dim, Tensor index, Tensor source);

    /** Sums rows (dimension 0) with equal {@code segmentIds} (INT, rank 1) into {@code numSegments} rows; empty segments are 0. */
    Tensor segmentSum(Tensor segmentIds, int numSegments);

    /** Mean of rows per segment; empty segments are 0. */
    Tensor segmentMean(Tensor segmentIds, int numSegments);

    /** Maximum of rows per segment; empty segments are 0. The gradient goes to the maximal row. */
    Tensor segmentMax(Tensor segmentIds, int numSegments);

    // ---------------------------------------------------------------- convolution and pooling

    /**
     * Convolution (cross-correlation, as in PyTorch) of this {@code [N, C, *spatial]} input with
     * {@code weight [O, C/groups, *kernel]}; 1, 2 or 3 spatial dimensions. {@code bias} ({@code [O]}) may be null.
     */
    Tensor conv(Tensor weight, Tensor bias, ConvSpec spec);

    /** Transposed convolution: the adjoint of {@link #conv}; {@code weight} is {@code [C, O/groups, *kernel]}. */
    Tensor convTranspose(Tensor weight, Tensor bias, ConvSpec spec);

    Tensor maxPool(PoolSpec spec);

    /** Average pooling; padded positions are not counted. */
    Tensor avgPool(PoolSpec spec);

    /** Average pooling to a fixed spatial output size (PyTorch's adaptive windows); all 1s is global pooling. */
    Tensor adaptiveAvgPool(int... outputSize);

    Tensor adaptiveMaxPool(int... outputSize);

    /**
     * Samples this {@code [N, C, H, W]} (or {@code [N, C, D, H, W]}) grid at the normalised
     * coordinates of {@code grid} ({@code [N, Ho, Wo, 2]} as (x, y), or {@code [N, Do, Ho, Wo, 3]}
     * as (x, y, z), each in [-1, 1]) by bilinear (trilinear) interpolation; points outside read
     * zeros. Differentiable in both the input and the grid.
     */
    Tensor gridSample(Tensor grid, boolean alignCorners);

    // ---------------------------------------------------------------- Fourier transforms

    /**
     * The discrete Fourier transform of this real tensor over its last {@code dims} (1, 2 or 3)
     * dimensions, keeping the non-redundant half of the last one: PyTorch's
     * {@code torch.view_as_real(torch.fft.rfftn(x, dim=(-dims..-1)))}. A shape
     * {@code [..., n1, ..., nd]} gives {@code [..., n1, ..., nd/2 + 1, 2]}: the trailing 2 holds the
     * real and imaginary parts. Unnormalised ({@code norm="backward"}):
     * {@code X_k = sum_j x_j e^{-2 pi i <j, k/n>}}. Any sizes (fastest for powers of two).
     */
    Tensor rfft(int dims);

    /**
     * The inverse of {@link #rfft}: real output with the last dimensions {@code sizes} (1 to 3 of
     * them) from a half spectrum {@code [..., n1, ..., nd/2 + 1, 2]}, PyTorch's
     * {@code torch.fft.irfftn(torch.view_as_complex(z), s=sizes)}, divided by the product of
     * {@code sizes}. The spectrum is read as that of a real signal: the imaginary parts of the bins
     * that must be real (zero frequency and, for even nd, Nyquist on the last dimension) are ignored.
     * The sizes are needed because nd/2 + 1 bins fit an even and an odd length alike.
     */
    Tensor irfft(int... sizes);

    // ---------------------------------------------------------------- leaving the tensor world

    /** The single value of a one-element tensor. */
    double item();

    /** All values in row-major order. */
    float[] toFloatArray();

    double[] toDoubleArray();

    long[] toLongArray();

    /**
     * The escape hatch: the engine's own array (for {@code backend-nd4j}, an {@code INDArray}).
     * Changes made through it bypass autodiff; use it only to reach a feature the framework lacks.
     *
     * @throws InvalidArgumentException when the engine does not use {@code type}
     */
    <T> T unwrap(Class<T> type);
}

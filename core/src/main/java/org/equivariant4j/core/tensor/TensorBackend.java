package org.equivariant4j.core.tensor;

/**
 * The SPI an engine implements, registered for {@link java.util.ServiceLoader}. Constructing a
 * provider must be cheap: native libraries load on the first tensor, not during discovery.
 * When several backends are present, the one with the highest {@link #priority()} wins.
 */
public interface TensorBackend {

    /** Short stable name, e.g. {@code "nd4j"}. */
    String name();

    /** Higher wins when several backends are on the class path. */
    default int priority() {
        return 0;
    }

    /** One-line description for logs and {@code eq4j list} (engine, device, natives). */
    String describe();

    /**
     * Refuses, with a {@link org.equivariant4j.core.error.TensorTooLargeException} naming {@code op},
     * the shape and the limit, a tensor of {@code shape} and {@code dtype} that this engine could not
     * allocate: its size overflows, or it exceeds the engine's native memory limit or what the
     * machine has free. Called before values are built in Java (random tensors, ranges) so that a
     * huge request fails cleanly instead of exhausting the heap first; an engine also checks its
     * own allocations. The default accepts everything.
     */
    default void checkAllocation(String op, int[] shape, DType dtype) {
    }

    /** The in-place updates optimisers use; the default is {@link UpdateKernels#portable()}, an engine gives fused ones. */
    default UpdateKernels updateKernels() {
        return UpdateKernels.portable();
    }

    /** A tensor holding {@code data} (row-major) with {@code shape}, converted to {@code dtype}. */
    Tensor fromDoubles(double[] data, int[] shape, DType dtype);

    /** A tensor holding {@code data} (row-major) with {@code shape}, converted to {@code dtype}. */
    Tensor fromFloats(float[] data, int[] shape, DType dtype);

    /** A tensor holding {@code data} (row-major) with {@code shape}, converted to {@code dtype}. */
    Tensor fromLongs(long[] data, int[] shape, DType dtype);

    /** A tensor of {@code shape} filled with {@code value}. */
    Tensor full(int[] shape, double value, DType dtype);

    /** Joins tensors of equal shape but for {@code dim} along {@code dim}. */
    Tensor concat(int dim, Tensor... tensors);

    /** Stacks tensors of equal shape along a new dimension {@code dim}. */
    Tensor stack(int dim, Tensor... tensors);

    /** {@code condition ? a : b} elementwise, broadcasting all three. */
    Tensor where(Tensor condition, Tensor a, Tensor b);

    /**
     * Reverse-mode gradients of {@code sum_i <gradOutputs[i], outputs[i]>} (ones when
     * {@code gradOutputs} is null) with respect to {@code inputs}; the engine side of
     * {@link Tensor#grad(java.util.List, java.util.List, java.util.List, boolean, boolean)}, which
     * documents the arguments and checks the list sizes.
     */
    java.util.List<Tensor> gradients(java.util.List<Tensor> outputs, java.util.List<Tensor> gradOutputs,
            java.util.List<Tensor> inputs, boolean createGraph, boolean allowUnused);
}

package org.equivariant4j.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentMax;
import org.nd4j.linalg.api.ops.impl.transforms.segment.UnsortedSegmentSum;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two primitives of message passing on raw arrays: gathering slices by index and summing
 * slices into slots by index (the adjoint of each other). Summation goes through libnd4j's
 * {@code unsorted_segment_sum}, which stays exact with duplicate indices under multithreading;
 * ND4J's {@code ScatterAdd} must never be used (it loses updates with 2 threads, PERFORMANCE.md).
 * Empty inputs are handled here because the native kernels reject them. Indices are assumed
 * valid (see {@link IndexChecks}).
 *
 * <p>On the CPU backend each primitive runs on this project's kernels instead (package
 * {@code kernels}: much faster than libnd4j's segment ops, and equal to them); the ND4J
 * ops remain the portable path and run when {@link KernelSelection} says so, e.g. on CUDA or with
 * {@code -Dequivariant4j.kernels=nd4j}.
 */
final class Scatter {

    private Scatter() {
    }

    /** Slices {@code index[0], index[1], ...} of dimension {@code dim} of {@code x}, in order. */
    static INDArray gather(INDArray x, int dim, INDArray index) {
        if (index.length() == 0 || x.length() == 0) {
            long[] shape = x.shape().clone();
            shape[dim] = index.length();
            return Nd4j.create(x.dataType(), shape);
        }
        if (KernelSelection.useKernels() && RowGatherKernel.supports(x, dim, index)) {
            return RowGatherKernel.gather(x, dim, index, KernelThreads.parallelism());
        }
        return Nd4j.exec(new Gather(x, index, dim))[0];
    }

    /**
     * {@code out} with {@code size} slices along {@code dim}, where slice {@code k} is the sum of
     * the slices {@code i} of {@code data} with {@code index[i] == k} (zero when there are none).
     */
    static INDArray sum(INDArray data, int dim, INDArray index, long size) {
        if (data.length() > 0 && size > 0 && KernelSelection.useKernels() && SegmentSumKernel.supports(data, dim, index)) {
            // Along any dimension directly: no permuted copies, and a dense result.
            return SegmentSumKernel.sum(data, dim, index, Math.toIntExact(size), KernelThreads.parallelism());
        }
        if (dim == 0) {
            return sumRows(data, index, size);
        }
        int[] toFront = moveToFront(data.rank(), dim);
        INDArray summed = sumRows(data.permute(toFront), index, size);
        return summed.permute(inverse(toFront));
    }

    /** The maximum of the rows (dimension 0) per segment; empty segments hold the dtype's lowest value. */
    static INDArray maxRows(INDArray data, INDArray index, long size) {
        if (KernelSelection.useKernels() && SegmentMaxKernel.supports(data, index)) {
            return SegmentMaxKernel.maxRows(data, index, Math.toIntExact(size), KernelThreads.parallelism());
        }
        return Nd4j.exec(new UnsortedSegmentMax(data, index, Math.toIntExact(size)))[0];
    }

    private static INDArray sumRows(INDArray data, INDArray index, long size) {
        long[] shape = data.shape().clone();
        shape[0] = size;
        if (data.length() == 0 || size == 0) {
            return Nd4j.zeros(data.dataType(), shape);
        }
        return Nd4j.exec(new UnsortedSegmentSum(data, index, Math.toIntExact(size)))[0];
    }

    private static int[] moveToFront(int rank, int dim) {
        int[] order = new int[rank];
        order[0] = dim;
        for (int i = 0, n = 1; i < rank; i++) {
            if (i != dim) {
                order[n++] = i;
            }
        }
        return order;
    }

    private static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inv[order[i]] = i;
        }
        return inv;
    }
}

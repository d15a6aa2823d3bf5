package org.equivariant4j.backend.nd4j;

/**
 * A dense array seen as {@code [outer, length, inner]} around one dimension: {@code outer} is the
 * product of the sizes before it, {@code inner} of those after it. Indexing along the dimension
 * then moves whole contiguous runs of {@code inner} elements ("rows"), so one kernel covers every
 * dimension without permuting copies, and its output comes out dense.
 *
 * @param outer  the number of independent blocks
 * @param length the size of the indexed dimension
 * @param inner  the elements per row
 */
record AxisLayout(long outer, long length, int inner) {

    static AxisLayout of(long[] shape, int dim) {
        long outer = 1;
        for (int d = 0; d < dim; d++) {
            outer *= shape[d];
        }
        long inner = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new AxisLayout(outer, shape[dim], Math.toIntExact(inner));
    }

    /** Whether every count fits the kernels' int row numbers and per-row buffers. */
    static boolean fits(long[] shape, int dim) {
        long inner = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return shape[dim] <= Integer.MAX_VALUE && inner <= Integer.MAX_VALUE;
    }
}

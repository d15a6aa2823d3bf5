package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

/**
 * The walk of the host kernels over an output shape in row-major order, and where each operand's
 * element lies at every step: operands may be strided views (transposes, steps, slices) or
 * broadcast (stride 0 along a dimension they do not span). Adjacent dimensions that every operand
 * steps through alike are merged first, so a dense operation is one run of all its elements and a
 * per-channel broadcast ([64,16,28,28] against [1,16,1,1]) is runs of 784 elements against one value.
 * The walk hands out "runs": stretches along the innermost merged dimension, each with the
 * element offset of every operand at its start.
 */
final class StridedWalk {
    /** Merged dimensions, innermost last; at least one. */
    private final long[] shape;
    /** {@code strides[o][d]}: operand {@code o}'s step in elements along merged dimension {@code d}. */
    private final long[][] strides;
    private final long total;

    private StridedWalk(long[] shape, long[][] strides) {
        this.shape = shape;
        this.strides = strides;
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        this.total = n;
    }

    /** What the walk calls once per run. */
    @FunctionalInterface
    interface RunVisitor {
        /**
         * A run of {@code length} elements starting at flat output index {@code flat}; operand
         * {@code o} starts at element offset {@code offsets[o]} and steps by {@link #innerStride(int)}.
         */
        void run(long flat, long[] offsets, int length);
    }

    /**
     * The walk over {@code outShape} for operands of the given shapes and element strides; each
     * operand must broadcast to {@code outShape} (NumPy rules, leading dimensions added).
     */
    static StridedWalk of(long[] outShape, long[][] operandShapes, long[][] operandStrides) {
        int rank = outShape.length;
        int operands = operandShapes.length;
        long[][] aligned = new long[operands][rank];
        for (int o = 0; o < operands; o++) {
            long[] s = operandShapes[o];
            long[] st = operandStrides[o];
            int lead = rank - s.length;
            for (int d = 0; d < rank; d++) {
                // A dimension the operand lacks or has as 1 is broadcast: it stays put (stride 0).
                aligned[o][d] = d < lead || s[d - lead] == 1 ? 0 : st[d - lead];
            }
        }
        long[] shape = new long[Math.max(1, rank)];
        long[][] strides = new long[operands][shape.length];
        int n = 0;
        for (int d = 0; d < rank; d++) {
            if (outShape[d] == 1) {
                continue;
            }
            if (n > 0 && mergeable(aligned, strides, n - 1, d, outShape[d])) {
                shape[n - 1] *= outShape[d];
                for (int o = 0; o < operands; o++) {
                    strides[o][n - 1] = aligned[o][d];
                }
                continue;
            }
            shape[n] = outShape[d];
            for (int o = 0; o < operands; o++) {
                strides[o][n] = aligned[o][d];
            }
            n++;
        }
        if (n == 0) {
            shape[0] = 1;
            n = 1;
        }
        long[][] trimmed = new long[operands][];
        for (int o = 0; o < operands; o++) {
            trimmed[o] = Arrays.copyOf(strides[o], n);
        }
        return new StridedWalk(Arrays.copyOf(shape, n), trimmed);
    }

    /** Merged dimension {@code prev} can absorb dimension {@code d} (size {@code size}) when every operand's step chains. */
    private static boolean mergeable(long[][] aligned, long[][] merged, int prev, int d, long size) {
        for (int o = 0; o < aligned.length; o++) {
            if (merged[o][prev] != aligned[o][d] * size) {
                return false;
            }
        }
        return true;
    }

    /** Number of output elements. */
    long total() {
        return total;
    }

    /** Operand {@code o}'s step along the runs: 1 (contiguous), 0 (one broadcast value) or any other. */
    long innerStride(int o) {
        return strides[o][shape.length - 1];
    }

    /** Calls {@code visitor} for the runs covering flat output indices {@code [from, to)}, in order, each at most {@code maxRun} long. */
    void walk(long from, long to, int maxRun, RunVisitor visitor) {
        int rank = shape.length;
        int operands = strides.length;
        long[] counter = new long[rank];
        long rest = from;
        for (int d = rank - 1; d >= 0; d--) {
            counter[d] = rest % shape[d];
            rest /= shape[d];
        }
        long[] offsets = new long[operands];
        for (int o = 0; o < operands; o++) {
            long off = 0;
            for (int d = 0; d < rank; d++) {
                off += counter[d] * strides[o][d];
            }
            offsets[o] = off;
        }
        long inner = shape[rank - 1];
        long flat = from;
        while (flat < to) {
            int length = (int) Math.min(Math.min(inner - counter[rank - 1], to - flat), maxRun);
            visitor.run(flat, offsets, length);
            flat += length;
            counter[rank - 1] += length;
            for (int o = 0; o < operands; o++) {
                offsets[o] += length * strides[o][rank - 1];
            }
            // Carry into the outer dimensions.
            for (int d = rank - 1; d > 0 && counter[d] == shape[d]; d--) {
                counter[d] = 0;
                counter[d - 1]++;
                for (int o = 0; o < operands; o++) {
                    offsets[o] += strides[o][d - 1] - shape[d] * strides[o][d];
                }
            }
        }
    }
}

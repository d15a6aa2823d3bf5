package org.equivariant4j.backend.nd4j.kernels;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The rows of each segment, by a stable counting sort of the segment ids: the rows of segment
 * {@code s} are {@code order[start(s)] < order[start(s)+1] < ... } up to {@code start(s+1)}, in
 * increasing row order (compressed sparse rows). Built once per call in O(rows + segments); it
 * lets each thread own whole output segments, so reductions need no atomics, lose no updates and
 * add in the same order (row order) whatever the number of threads.
 */
final class Segments {
    /** {@code offsets[s]} is where segment {@code s} starts in {@link #order}; {@code offsets[size]} is the row count. */
    final int[] offsets;
    /** Row numbers grouped by segment, increasing within each segment. */
    final int[] order;
    final int size;

    private Segments(int[] offsets, int[] order, int size) {
        this.offsets = offsets;
        this.order = order;
        this.size = size;
    }

    /** Groups the rows by {@code ids} (int32 or int64, each in [0, size)). */
    static Segments of(INDArray ids, int size) {
        int[] id = NativeMemory.indices(ids, size, "segment id");
        int[] offsets = new int[size + 1];
        for (int v : id) {
            offsets[v + 1]++;
        }
        for (int s = 0; s < size; s++) {
            offsets[s + 1] += offsets[s];
        }
        int[] next = new int[size];
        System.arraycopy(offsets, 0, next, 0, size);
        int[] order = new int[id.length];
        for (int row = 0; row < id.length; row++) {
            order[next[id[row]]++] = row;
        }
        return new Segments(offsets, order, size);
    }

    int rows() {
        return order.length;
    }

    /**
     * Splits the work items {@code [0, blocks * size)} (item {@code b * size + s} is segment {@code s}
     * of block {@code b}) into {@code parts} consecutive ranges of about equal cost, counting a
     * segment as its rows plus one, so a few crowded segments do not leave one thread with most of
     * the work. Returns {@code parts + 1} boundaries.
     */
    long[] partition(long blocks, int parts) {
        long perBlock = rows() + (long) size;
        long total = blocks * perBlock;
        long[] bounds = new long[parts + 1];
        bounds[parts] = blocks * size;
        for (int p = 1; p < parts; p++) {
            long target = total / parts * p + total % parts * p / parts;
            // The first item whose cumulative cost reaches the target (cost is monotone in the item).
            long lo = bounds[p - 1];
            long hi = bounds[parts];
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (costBefore(mid, perBlock) < target) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            bounds[p] = lo;
        }
        return bounds;
    }

    private long costBefore(long item, long perBlock) {
        long block = item / size;
        int s = (int) (item % size);
        return block * perBlock + offsets[s] + s;
    }
}

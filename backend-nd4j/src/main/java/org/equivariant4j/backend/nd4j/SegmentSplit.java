package org.equivariant4j.backend.nd4j;

/**
 * The rows of a segment reduction, split into parts that own disjoint ranges of output segments.
 * Part {@code p} owns segments {@code [segmentStart(p), segmentStart(p + 1))} and reduces exactly
 * the rows whose segment it owns, in increasing row order; no two parts write the same output and
 * every output element sees its rows in the same order whatever the number of parts. Built once
 * per call in O(rows + segments): one stable counting sort of the rows by part.
 *
 * <p>Why rows in row order and not grouped by segment (a CSR layout): each part then streams
 * through the input from low to high addresses, which the hardware prefetcher follows, while its
 * output range stays in cache. Reading the rows segment by segment jumps through the input at
 * random; with a row length the JIT cannot unroll completely that was 2x slower (1.1 vs 0.56 ms
 * for [20000, 64] float32 into 2000 segments on one thread).
 */
final class SegmentSplit {
    /** The segment of every row, each in [0, size). */
    final int[] ids;
    /** How many rows each segment has; a segment with none is written as an empty one. */
    final int[] counts;
    private final int[] segmentStarts;
    private final int[] rowStarts;
    /** Row numbers grouped by part, increasing within each part; null for a single part (all rows, in order). */
    private final int[] rows;

    private SegmentSplit(int[] ids, int[] counts, int[] segmentStarts, int[] rowStarts, int[] rows) {
        this.ids = ids;
        this.counts = counts;
        this.segmentStarts = segmentStarts;
        this.rowStarts = rowStarts;
        this.rows = rows;
    }

    /**
     * Splits the rows with segment {@code ids} (each in [0, size), size at least 1) into at most
     * {@code parts} parts of about equal work, counting a segment as its rows plus one (its
     * initialisation), so a few crowded segments do not leave one part with most of the work.
     */
    static SegmentSplit of(int[] ids, int size, int parts) {
        int[] counts = new int[size];
        for (int id : ids) {
            counts[id]++;
        }
        int n = ids.length;
        int[] segmentStarts = new int[parts + 1];
        int[] rowStarts = new int[parts + 1];
        long total = (long) n + size;
        long cost = 0;
        int rowsBefore = 0;
        int p = 1;
        for (int s = 0; s < size && p < parts; s++) {
            cost += counts[s] + 1;
            rowsBefore += counts[s];
            // Cut after the segment that reaches the next part's share of the work.
            while (p < parts && cost >= total * p / parts) {
                segmentStarts[p] = s + 1;
                rowStarts[p] = rowsBefore;
                p++;
            }
        }
        for (; p <= parts; p++) {
            segmentStarts[p] = size;
            rowStarts[p] = n;
        }
        return new SegmentSplit(ids, counts, segmentStarts, rowStarts, parts == 1 ? null : rowsByPart(ids, size, segmentStarts, rowStarts));
    }

    /** A stable counting sort of the rows by the part that owns their segment. */
    private static int[] rowsByPart(int[] ids, int size, int[] segmentStarts, int[] rowStarts) {
        int parts = segmentStarts.length - 1;
        int[] partOf = new int[size];
        for (int p = 0; p < parts; p++) {
            for (int s = segmentStarts[p]; s < segmentStarts[p + 1]; s++) {
                partOf[s] = p;
            }
        }
        int[] next = rowStarts.clone();
        int[] rows = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[next[partOf[ids[i]]]++] = i;
        }
        return rows;
    }

    int parts() {
        return segmentStarts.length - 1;
    }

    int segmentStart(int part) {
        return segmentStarts[part];
    }

    /** Where part {@code part}'s rows start in the order of {@link #row}. */
    int rowStart(int part) {
        return rowStarts[part];
    }

    /** The {@code k}-th row in part order: part {@code p} has {@code k} in {@code [rowStart(p), rowStart(p + 1))}. */
    int row(int k) {
        return rows == null ? k : rows[k];
    }
}

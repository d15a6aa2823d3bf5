package org.equivariant4j.backend.nd4j;

import java.util.Arrays;

import org.equivariant4j.backend.nd4j.Im2Col.Block;

/**
 * For one {@link Im2Col.Block}, which image elements each kernel tap reads into which entries of
 * its column-matrix row: a list of copies (row entry, image offset, length, all with the
 * geometry's column stride in the image) and the row entries that read padding (zeros). The
 * same plan serves every channel and both directions, so the index arithmetic is done once per
 * block instead of once per channel, and the per-channel loops are plain array copies.
 *
 * <p>The copies of consecutive grid rows are merged whenever the image offset advances by the
 * stride per row entry across the row boundary (grid rows {@code stride} times narrower than
 * image rows, as in a "same" convolution), so a tap's whole block is typically one copy of
 * hundreds of elements instead of one per grid row: that made {@code im2col} and {@code col2im}
 * markedly faster. The merged copy also covers the padding entries between the rows (and the
 * image elements they wrap onto); those entries are listed as zeros, which {@code im2col} writes
 * after the copies and {@code col2im} clears before adding, so they contribute nothing.
 */
final class TapPlan {
    /** Per tap: copies as (row entry, image offset, length) triples. */
    private int[][] copies = new int[0][];
    private int[] copyCount = new int[0];
    /** Per tap: zero ranges as (from, to) pairs of row entries. */
    private int[][] zeros = new int[0][];
    private int[] zeroCount = new int[0];
    private int width;

    /** Rebuilds the plan for {@code block} of geometry {@code g}. */
    void build(ConvGeometry g, Block block) {
        int taps = g.taps();
        int rows = block.rowTo() - block.rowFrom();
        ensure(taps, 3 * rows, 2 * 2 * rows);
        int width = g.gridColumns();
        this.width = rows * width;
        int stride = g.columnStride();
        for (int t = 0; t < taps; t++) {
            int kx = t % g.kernelColumns();
            int ky = t / g.kernelColumns() % g.kernelRows();
            int kz = t / (g.kernelColumns() * g.kernelRows());
            int start = g.columnStart(kx);
            int end = g.columnEnd(kx);
            int[] c = copies[t];
            int[] z = zeros[t];
            int nc = 0;
            int nz = 0;
            int oz = block.rowFrom() / g.gridRows();
            int oy = block.rowFrom() % g.gridRows();
            for (int at = 0; at < rows * width; at += width) {
                int zOffset = g.depthOffset(kz, oz);
                int yOffset = g.rowOffset(ky, oy);
                if (++oy == g.gridRows()) {
                    oy = 0;
                    oz++;
                }
                if (zOffset < 0 || yOffset < 0 || end == start) {
                    nz = zero(z, nz, at, at + width);
                    continue;
                }
                nz = zero(z, nz, at, at + start);
                nz = zero(z, nz, at + end, at + width);
                int dst = at + start;
                int src = zOffset + yOffset + g.firstImageColumn(kx);
                int len = end - start;
                // Merge when this row continues the previous copy: the image offset advances by the
                // stride for every row entry skipped, padding entries between the rows included.
                if (nc > 0 && c[nc - 2] + (dst - c[nc - 3]) * stride == src) {
                    c[nc - 1] = dst + len - c[nc - 3];
                } else {
                    c[nc++] = dst;
                    c[nc++] = src;
                    c[nc++] = len;
                }
            }
            copyCount[t] = nc;
            zeroCount[t] = nz;
        }
    }

    /** Entries per matrix row: the block's grid positions. */
    int width() {
        return width;
    }

    /** Copies of tap {@code t}: (row entry, image offset, length) triples in the first {@link #copyCount} entries. */
    int[] copies(int t) {
        return copies[t];
    }

    int copyCount(int t) {
        return copyCount[t];
    }

    /** Zero ranges of tap {@code t}: (from, to) pairs in the first {@link #zeroCount} entries. */
    int[] zeros(int t) {
        return zeros[t];
    }

    int zeroCount(int t) {
        return zeroCount[t];
    }

    /** Appends {@code [from, to)} unless empty, merging it into the previous range when adjacent. */
    private static int zero(int[] z, int nz, int from, int to) {
        if (from >= to) {
            return nz;
        }
        if (nz > 0 && z[nz - 1] == from) {
            z[nz - 1] = to;
            return nz;
        }
        z[nz] = from;
        z[nz + 1] = to;
        return nz + 2;
    }

    private void ensure(int taps, int copyEntries, int zeroEntries) {
        if (copies.length < taps) {
            copies = Arrays.copyOf(copies, taps);
            zeros = Arrays.copyOf(zeros, taps);
            copyCount = new int[taps];
            zeroCount = new int[taps];
        }
        for (int t = 0; t < taps; t++) {
            if (copies[t] == null || copies[t].length < copyEntries) {
                copies[t] = new int[copyEntries];
            }
            if (zeros[t] == null || zeros[t].length < zeroEntries) {
                zeros[t] = new int[zeroEntries];
            }
        }
    }
}

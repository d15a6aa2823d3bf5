package org.equivariant4j.backend.nd4j;

import java.lang.ref.Reference;

import org.equivariant4j.backend.nd4j.Im2Col.Block;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The three products a convolution and its transpose are made of, computed block by block
 * through {@link Im2Col} and {@link Blas#gemm}. Names follow {@link ConvGeometry}: a grid-side
 * tensor {@code G [N, Cg, *grid]}, an image-side tensor {@code I [N, Ci, *image]}, and the weight
 * read as {@code M [Cg, Ci / groups * T]}, whose block {@code k} of rows acts on channel group
 * {@code k} of both sides.
 * <ul>
 * <li>{@code gridOut = M · im2col(I)}: a convolution's forward, a transposed one's input gradient;</li>
 * <li>{@code imageOut = col2im(Mᵀ · G)}: a convolution's input gradient, a transposed one's forward;</li>
 * <li>{@code weightOut = Σ G · im2col(I)ᵀ}: the weight gradient of both.</li>
 * </ul>
 * A backward needs two of them, which share each block's column matrix; {@link #run} computes
 * any subset in one pass.
 *
 * <p>Blocks are a few grid rows of one sample, sized so that each GEMM has at most
 * {@link #SINGLE_THREADED_GEMM} multiply-adds. Two reasons. The column matrix is {@code T} times
 * the image (27 times for a 3³ kernel: 113 MB for an [8, 4, 32³] input); built whole it is
 * written to and read back from main memory, while a block of it stays in the L1/L2 cache between
 * {@code im2col} and the GEMMs (measured single-threaded: the forward GEMMs of that layer took
 * 16-23 ms with a whole sample per block, 3.6-6 ms with 9 grid rows). And OpenBLAS runs GEMMs that small on the calling
 * thread, so the blocks can be spread over {@link ConvThreads} without two thread pools
 * competing for the cores, and each thread does its own {@code im2col}, GEMMs and {@code col2im}
 * on cache-resident data with no hand-off in between. The GEMMs read and write the tensors in
 * place through leading dimensions, so no layout copies are needed.
 *
 * <p>Parallel split and determinism: the blocks are cut into at most {@link #LANES} lanes of
 * consecutive blocks (whole samples when {@code col2im} runs, since a sample's blocks add into
 * the same image planes), and threads take whole lanes. Each lane sums its weight-gradient share
 * in block order, and the lanes' shares are added in lane order: the cut depends on the shapes
 * only, so results do not depend on the number of threads. Every other output element has a
 * single writer.
 */
final class ColumnGemm {
    /**
     * OpenBLAS (0.3.x, {@code interface/gemm.c}) runs a GEMM single-threaded when
     * {@code m·n·k <= 65536 · GEMM_MULTITHREAD_THRESHOLD} (4 by default). Larger blocks still give
     * right results, with OpenBLAS's threads on top of ours.
     */
    static final long SINGLE_THREADED_GEMM = 65536L * 4;

    /** Most lanes a call is cut into: enough to keep 4 threads busy; each lane beyond the first costs one weight-sized buffer. */
    static final int LANES = 4;

    /**
     * Sizes of one problem.
     *
     * @param samples N
     * @param gridChannels Cg, the channels of the grid side
     * @param imageChannels Ci, the channels of the image side
     * @param maxBlockRows a cap on the grid rows per block (tests use small caps to exercise
     *     blocks that split samples)
     */
    record Shape(int samples, int gridChannels, int imageChannels, int groups, ConvGeometry geometry, int maxBlockRows) {

        /** A shape with blocks sized for the GEMMs ({@link #blockRows()}). */
        Shape(int samples, int gridChannels, int imageChannels, int groups, ConvGeometry geometry) {
            this(samples, gridChannels, imageChannels, groups, geometry, Integer.MAX_VALUE);
        }

        /** Rows of the column matrix: {@code Ci * T}. */
        int columnRows() {
            return imageChannels * geometry.taps();
        }

        /** Grid rows per block: the most whose GEMMs stay single-threaded, at least one. */
        int blockRows() {
            long perColumn = (long) (gridChannels / groups) * (columnRows() / groups);
            long columns = Math.max(1, SINGLE_THREADED_GEMM / perColumn);
            long rows = Math.min(maxBlockRows, columns / geometry.gridColumns());
            return (int) Math.max(1, Math.min(geometry.gridRowCount(), rows));
        }

        int blocksPerSample() {
            return ceilDiv(geometry.gridRowCount(), blockRows());
        }

        /** Block {@code i} in sample-major order. */
        Block block(int i) {
            int perSample = blocksPerSample();
            int rowFrom = i % perSample * blockRows();
            return new Block(i / perSample, rowFrom, Math.min(geometry.gridRowCount(), rowFrom + blockRows()));
        }

        /** Elements of the largest block's column matrix. */
        long blockElements() {
            return (long) columnRows() * blockRows() * geometry.gridColumns();
        }
    }

    private ColumnGemm() {
    }

    /**
     * Computes the requested products; a null output is not computed. {@code grid} is needed for
     * {@code imageOut} and {@code weightOut}, {@code image} for {@code gridOut} and
     * {@code weightOut}. Arrays are of one dtype, float32 or float64; outputs are overwritten.
     * Biases, when not null, are added per output channel.
     */
    static void run(Shape shape, HostArray weight, HostArray grid, HostArray image, HostArray gridOut, double[] gridBias,
            HostArray imageOut, double[] imageBias, HostArray weightOut) {
        DataType type = weight.isDouble() ? DataType.DOUBLE : DataType.FLOAT;
        int blocks = shape.samples() * shape.blocksPerSample();
        // Lanes hold whole samples when col2im runs; otherwise any run of blocks.
        int units = imageOut != null ? shape.samples() : blocks;
        int unitBlocks = imageOut != null ? shape.blocksPerSample() : 1;
        int lanes = Math.min(LANES, units);
        long work = (long) blocks * shape.blockElements();
        if (work < ConvThreads.PARALLEL_THRESHOLD) {
            lanes = 1;
        }
        long weightSize = (long) shape.gridChannels() * (shape.columnRows() / shape.groups());
        HostArray partials = weightOut != null && lanes > 1 ? Scratch.mine().partials(type, (lanes - 1) * weightSize) : null;
        int laneCount = lanes;
        int parts = Math.min(ConvThreads.parallelism(), lanes);
        ConvThreads.run(parts, part -> {
            Lane lane = new Lane(shape, weight, grid, image, gridOut, gridBias, imageOut, imageBias,
                    Scratch.mine().columns(type, shape.blockElements()));
            for (int l = laneCount * part / parts; l < laneCount * (part + 1) / parts; l++) {
                int blockFrom = (int) ((long) units * l / laneCount) * unitBlocks;
                int blockTo = (int) ((long) units * (l + 1) / laneCount) * unitBlocks;
                lane.run(blockFrom, blockTo, l == 0 ? weightOut : partials, l == 0 ? 0 : (l - 1) * weightSize);
            }
            Reference.reachabilityFence(lane.col);
        });
        if (partials != null) {
            addPartials(weightOut, partials, lanes - 1, (int) weightSize);
        }
        // The BLAS calls see raw addresses: keep every array's memory alive until they are done.
        Reference.reachabilityFence(partials);
        Reference.reachabilityFence(weight);
        Reference.reachabilityFence(grid);
        Reference.reachabilityFence(image);
        Reference.reachabilityFence(gridOut);
        Reference.reachabilityFence(imageOut);
        Reference.reachabilityFence(weightOut);
    }

    /** One thread's share of a {@link #run}: the per-block loop, with that thread's column matrix. */
    private static final class Lane {
        private final Shape shape;
        private final HostArray weight;
        private final HostArray grid;
        private final HostArray image;
        private final HostArray gridOut;
        private final double[] gridBias;
        private final HostArray imageOut;
        private final double[] imageBias;
        private final HostArray col;
        private final TapPlan plan;

        Lane(Shape shape, HostArray weight, HostArray grid, HostArray image, HostArray gridOut, double[] gridBias,
                HostArray imageOut, double[] imageBias, HostArray col) {
            this.shape = shape;
            this.weight = weight;
            this.grid = grid;
            this.image = image;
            this.gridOut = gridOut;
            this.gridBias = gridBias;
            this.imageOut = imageOut;
            this.imageBias = imageBias;
            this.col = col;
            this.plan = Scratch.mine().plan();
        }

        /**
         * Blocks {@code [blockFrom, blockTo)}, in order, summing their weight-gradient share into
         * {@code weightOut} from element {@code weightAt} on (overwritten, not added to).
         */
        void run(int blockFrom, int blockTo, HostArray weightOut, long weightAt) {
            ConvGeometry geo = shape.geometry();
            int cg = shape.gridChannels();
            int ci = shape.imageChannels();
            int groups = shape.groups();
            int p = geo.gridSize();
            int groupRows = shape.columnRows() / groups;
            int groupGrid = cg / groups;
            boolean firstWeightProduct = true;
            for (int i = blockFrom; i < blockTo; i++) {
                Block block = shape.block(i);
                int width = block.width(geo);
                long gridAt = (long) block.sample() * cg * p + block.gridOffset(geo);
                plan.build(geo, block);
                if (gridOut != null || weightOut != null) {
                    Im2Col.im2col(image, ci, block, geo, plan, col);
                }
                if (gridOut != null) {
                    if (gridBias != null) {
                        fillRows(gridOut, gridAt, cg, width, p, gridBias);
                    }
                    for (int k = 0; k < groups; k++) {
                        Blas.gemm(false, false, groupGrid, width, groupRows, weight, (long) k * groupGrid * groupRows, groupRows,
                                col, (long) k * groupRows * width, width, gridBias == null ? 0 : 1,
                                gridOut, gridAt + (long) k * groupGrid * p, p);
                    }
                }
                if (weightOut != null) {
                    for (int k = 0; k < groups; k++) {
                        Blas.gemm(false, true, groupGrid, groupRows, width, grid, gridAt + (long) k * groupGrid * p, p,
                                col, (long) k * groupRows * width, width, firstWeightProduct ? 0 : 1,
                                weightOut, weightAt + (long) k * groupGrid * groupRows, groupRows);
                    }
                    firstWeightProduct = false;
                }
                if (imageOut != null) {
                    // The block's columns are no longer needed: the image-side product overwrites them.
                    for (int k = 0; k < groups; k++) {
                        Blas.gemm(true, false, groupRows, width, groupGrid, weight, (long) k * groupGrid * groupRows, groupRows,
                                grid, gridAt + (long) k * groupGrid * p, p, 0, col, (long) k * groupRows * width, width);
                    }
                    Im2Col.col2im(col, ci, block, geo, plan, imageBias, imageOut);
                }
            }
        }
    }

    /** Sets columns {@code [at, at + width)} of each of {@code channels} rows of length {@code rowLength} to the channel's bias. */
    private static void fillRows(HostArray out, long at, int channels, int width, int rowLength, double[] bias) {
        Scratch scratch = Scratch.mine();
        for (int c = 0; c < channels; c++) {
            int index = Math.toIntExact(at + (long) c * rowLength);
            if (out.isDouble()) {
                double[] row = scratch.rowD(width);
                java.util.Arrays.fill(row, 0, width, bias[c]);
                out.put(index, row, 0, width);
            } else {
                float[] row = scratch.rowF(width);
                java.util.Arrays.fill(row, 0, width, (float) bias[c]);
                out.put(index, row, 0, width);
            }
        }
    }

    /** {@code target += Σ partials[l]} for l in order, each partial {@code size} elements long. */
    private static void addPartials(HostArray target, HostArray partials, int count, int size) {
        if (target.isDouble()) {
            double[] sum = new double[size];
            double[] part = new double[size];
            target.get(0, sum, 0, size);
            for (int l = 0; l < count; l++) {
                partials.get(l * size, part, 0, size);
                for (int i = 0; i < size; i++) {
                    sum[i] += part[i];
                }
            }
            target.put(0, sum, 0, size);
        } else {
            float[] sum = new float[size];
            float[] part = new float[size];
            target.get(0, sum, 0, size);
            for (int l = 0; l < count; l++) {
                partials.get(l * size, part, 0, size);
                for (int i = 0; i < size; i++) {
                    sum[i] += part[i];
                }
            }
            target.put(0, sum, 0, size);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}

package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three column-GEMM products against a nested-loop reference on random geometries, with
 * blocks capped at 1, 2 and 3 grid rows so that small problems also run through split samples
 * (the blocks of {@code col2im} that add onto earlier ones, image ranges, merged copies across
 * rows) and several lanes; the ops-level tests see these only on large inputs.
 */
class ColumnGemmBlocksTest {
    private static final long SEED = 77;

    /** One problem: geometry parameters and channel counts. */
    record Problem(long seed, int n, int cg, int ci, int groups, long[] image, long[] grid, long[] kernel, int[] stride,
            int[] padding, int[] dilation) {
        @Override
        public String toString() {
            return "N=" + n + " Cg=" + cg + " Ci=" + ci + " groups=" + groups + " image " + Arrays.toString(image) + " grid "
                    + Arrays.toString(grid) + " kernel " + Arrays.toString(kernel) + " stride " + Arrays.toString(stride)
                    + " padding " + Arrays.toString(padding) + " dilation " + Arrays.toString(dilation) + " (seed " + seed + ")";
        }

        ConvGeometry geometry() {
            return ConvGeometry.of(image, grid, kernel, stride, padding, dilation);
        }
    }

    static Stream<Arguments> problems() {
        Rng rng = new Rng(SEED);
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Problem p = random(rng.nextLong());
            for (int cap : new int[] {1, 2, 3}) {
                out.add(Arguments.of(p, cap));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, at most {1} grid rows per block")
    @MethodSource("problems")
    void blockedProductsMatchTheReference(Problem p, int maxBlockRows) {
        ConvGeometry g = p.geometry();
        int taps = g.taps();
        int kg = p.ci() / p.groups() * taps;
        Rng rng = new Rng(p.seed() + 1);
        INDArray weight = random(rng, p.cg(), kg);
        INDArray grid = random(rng, p.n(), p.cg(), g.gridSize());
        INDArray image = random(rng, p.n(), p.ci(), g.imageSize());
        double[] gridBias = rng.nextInt(2) == 0 ? null : vector(rng, p.cg());
        double[] imageBias = rng.nextInt(2) == 0 ? null : vector(rng, p.ci());
        INDArray gridOut = Nd4j.createUninitialized(DataType.DOUBLE, p.n(), p.cg(), g.gridSize());
        INDArray imageOut = Nd4j.createUninitialized(DataType.DOUBLE, p.n(), p.ci(), g.imageSize());
        INDArray weightOut = Nd4j.createUninitialized(DataType.DOUBLE, p.cg(), kg);
        ColumnGemm.Shape shape = new ColumnGemm.Shape(p.n(), p.cg(), p.ci(), p.groups(), g, maxBlockRows);
        // Two calls as the ops make them: forward alone, then a backward pair sharing the columns.
        ColumnGemm.run(shape, HostArray.of(weight), null, HostArray.of(image), HostArray.of(gridOut), gridBias, null, null, null);
        ColumnGemm.run(shape, HostArray.of(weight), HostArray.of(grid), HostArray.of(image), null, null, HostArray.of(imageOut),
                imageBias, HostArray.of(weightOut));

        Reference ref = new Reference(p, flat(weight), flat(grid), flat(image));
        assertClose("gridOut", gridOut, ref.gridOut(gridBias), p);
        assertClose("imageOut", imageOut, ref.imageOut(imageBias), p);
        assertClose("weightOut", weightOut, ref.weightOut(), p);
    }

    @Test
    void repeatedCallsGiveIdenticalBits() {
        Problem p = new Problem(5, 4, 6, 4, 2, new long[] {9, 11}, new long[] {9, 11}, new long[] {3, 3}, new int[] {1, 1},
                new int[] {1, 1}, new int[] {1, 1});
        ConvGeometry g = p.geometry();
        Rng rng = new Rng(p.seed());
        INDArray weight = random(rng, p.cg(), p.ci() / p.groups() * g.taps());
        INDArray grid = random(rng, p.n(), p.cg(), g.gridSize());
        INDArray image = random(rng, p.n(), p.ci(), g.imageSize());
        ColumnGemm.Shape shape = new ColumnGemm.Shape(p.n(), p.cg(), p.ci(), p.groups(), g, 2);
        double[][] first = backward(shape, weight, grid, image);
        double[][] second = backward(shape, weight, grid, image);
        assertThat(second[0]).as("imageOut").containsExactly(first[0]);
        assertThat(second[1]).as("weightOut").containsExactly(first[1]);
    }

    private static double[][] backward(ColumnGemm.Shape shape, INDArray weight, INDArray grid, INDArray image) {
        INDArray imageOut = Nd4j.createUninitialized(DataType.DOUBLE, image.shape());
        INDArray weightOut = Nd4j.createUninitialized(DataType.DOUBLE, weight.shape());
        ColumnGemm.run(shape, HostArray.of(weight), HostArray.of(grid), HostArray.of(image), null, null, HostArray.of(imageOut),
                null, HostArray.of(weightOut));
        return new double[][] {flat(imageOut), flat(weightOut)};
    }

    private static void assertClose(String what, INDArray actual, double[] expected, Problem p) {
        double[] a = flat(actual);
        assertThat(a).as("%s of %s", what, p).hasSameSizeAs(expected);
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a[i] - expected[i])).as("%s entry %d of %s: expected %s but was %s", what, i, p, expected[i], a[i])
                    .isLessThanOrEqualTo(1e-10 * (1 + Math.abs(expected[i])));
        }
    }

    private static double[] flat(INDArray a) {
        return a.data().asDouble();
    }

    private static Problem random(long seed) {
        Rng rng = new Rng(seed);
        int d = 1 + rng.nextInt(3);
        int groups = 1 + rng.nextInt(2);
        long[] image = new long[d];
        long[] grid = new long[d];
        long[] kernel = new long[d];
        int[] stride = new int[d];
        int[] padding = new int[d];
        int[] dilation = new int[d];
        for (int i = 0; i < d; i++) {
            kernel[i] = 1 + rng.nextInt(3);
            stride[i] = 1 + rng.nextInt(2);
            dilation[i] = 1 + rng.nextInt(2);
            padding[i] = rng.nextInt(3);
            image[i] = 1 + rng.nextInt(d == 3 ? 5 : 8);
            long span = dilation[i] * (kernel[i] - 1) + 1;
            // Any grid at least 1 wide: too wide reads only padding at the far end, as a transposed convolution's can.
            grid[i] = Math.max(1, Math.floorDiv(image[i] + 2L * padding[i] - span, stride[i]) + 1 + rng.nextInt(2));
        }
        return new Problem(seed, 1 + rng.nextInt(3), groups * (1 + rng.nextInt(3)), groups * (1 + rng.nextInt(3)), groups, image,
                grid, kernel, stride, padding, dilation);
    }

    private static INDArray random(Rng rng, long... shape) {
        long length = 1;
        for (long e : shape) {
            length *= e;
        }
        return Nd4j.create(vector(rng, (int) length), shape, 'c');
    }

    private static double[] vector(Rng rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    /** The products written out with nested loops over lifted three-dimensional indices. */
    private static final class Reference {
        private final Problem p;
        private final double[] w;
        private final double[] gridIn;
        private final double[] imageIn;
        private final int[] img;
        private final int[] grd;
        private final int[] k;
        private final int[] s;
        private final int[] pad;
        private final int[] dil;

        Reference(Problem p, double[] w, double[] grid, double[] image) {
            this.p = p;
            this.w = w;
            this.gridIn = grid;
            this.imageIn = image;
            this.img = lift(p.image(), 1);
            this.grd = lift(p.grid(), 1);
            this.k = lift(p.kernel(), 1);
            this.s = lift(p.stride(), 1);
            this.pad = lift(p.padding(), 0);
            this.dil = lift(p.dilation(), 1);
        }

        double[] gridOut(double[] bias) {
            double[] out = new double[p.n() * p.cg() * size(grd)];
            visit((n, og, ic, tap, gp, ip) -> out[(n * p.cg() + og) * size(grd) + gp] += w[weightAt(og, ic, tap)]
                    * imageIn[(n * p.ci() + ic) * size(img) + ip]);
            addBias(out, bias, p.cg(), size(grd));
            return out;
        }

        double[] imageOut(double[] bias) {
            double[] out = new double[p.n() * p.ci() * size(img)];
            visit((n, og, ic, tap, gp, ip) -> out[(n * p.ci() + ic) * size(img) + ip] += w[weightAt(og, ic, tap)]
                    * gridIn[(n * p.cg() + og) * size(grd) + gp]);
            addBias(out, bias, p.ci(), size(img));
            return out;
        }

        double[] weightOut() {
            double[] out = new double[w.length];
            visit((n, og, ic, tap, gp, ip) -> out[weightAt(og, ic, tap)] += gridIn[(n * p.cg() + og) * size(grd) + gp]
                    * imageIn[(n * p.ci() + ic) * size(img) + ip]);
            return out;
        }

        private int weightAt(int og, int ic, int tap) {
            int icInGroup = ic % (p.ci() / p.groups());
            return (og * (p.ci() / p.groups()) + icInGroup) * size(k) + tap;
        }

        /** Calls {@code v} for every (sample, grid channel, image channel of its group, tap, grid position, image position) that is not padding. */
        private void visit(Visitor v) {
            for (int n = 0; n < p.n(); n++) {
                for (int og = 0; og < p.cg(); og++) {
                    int group = og / (p.cg() / p.groups());
                    for (int icg = 0; icg < p.ci() / p.groups(); icg++) {
                        int ic = group * (p.ci() / p.groups()) + icg;
                        for (int gp = 0; gp < size(grd); gp++) {
                            int oz = gp / (grd[1] * grd[2]);
                            int oy = gp / grd[2] % grd[1];
                            int ox = gp % grd[2];
                            for (int tap = 0; tap < size(k); tap++) {
                                int iz = oz * s[0] - pad[0] + tap / (k[1] * k[2]) * dil[0];
                                int iy = oy * s[1] - pad[1] + tap / k[2] % k[1] * dil[1];
                                int ix = ox * s[2] - pad[2] + tap % k[2] * dil[2];
                                if (iz >= 0 && iz < img[0] && iy >= 0 && iy < img[1] && ix >= 0 && ix < img[2]) {
                                    v.accept(n, og, ic, tap, gp, (iz * img[1] + iy) * img[2] + ix);
                                }
                            }
                        }
                    }
                }
            }
        }

        private static void addBias(double[] out, double[] bias, int channels, int size) {
            if (bias == null) {
                return;
            }
            for (int i = 0; i < out.length; i++) {
                out[i] += bias[i / size % channels];
            }
        }

        private static int size(int[] e) {
            return e[0] * e[1] * e[2];
        }

        private static int[] lift(long[] v, int fill) {
            int[] out = {fill, fill, fill};
            for (int i = 0; i < v.length; i++) {
                out[3 - v.length + i] = (int) v[i];
            }
            return out;
        }

        private static int[] lift(int[] v, int fill) {
            int[] out = {fill, fill, fill};
            System.arraycopy(v, 0, out, 3 - v.length, v.length);
            return out;
        }

        @FunctionalInterface
        interface Visitor {
            void accept(int n, int og, int ic, int tap, int gridPosition, int imagePosition);
        }
    }
}

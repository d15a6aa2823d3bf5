package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The host kernels of the small-op fast path ({@link ElementwiseKernel}, {@link SumKernel},
 * {@link DirectGemm}) against ND4J's ops, the portable path ({@code equivariant4j.kernels=nd4j}):
 * values and gradients of the element-wise, reduction and matrix-product ops on random shapes,
 * broadcasts, dtypes and memory layouts (dense, f-order, strided, offset and permuted views; see
 * {@link RandomIndexCase#withLayout}), some large enough to be split over threads.
 *
 * <p>On small-integer inputs and upstream gradients every op checked here is exact on both paths
 * (integer sums and products far below 2^24), so values and gradients must agree exactly,
 * whatever the order of addition (the sign of a zero aside). On gaussian inputs (moderate sizes only: at most 6^4 terms per
 * sum) the paths may round differently: the kernels accumulate in double, ND4J in the array's
 * precision and order. The worst-case relative error of such a sum is {@code n·u}, under 8e-5 for
 * float32 at 1296 terms and 2e-13 for float64, hence the tolerances 1e-4 and 1e-12 relative to the
 * result's largest magnitude; a wrong index, stride or broadcast is off by the size of an element
 * ({@link #theToleranceRejectsAWrongElement}).
 */
@ExtendWith(KernelsSwitchRestored.class)
class ElementwisePathsAgreeTest {
    private static final int CASES = 36;
    private static final String[] LAYOUTS = {"dense", "f-order", "strided view", "offset view", "permuted view"};

    @TestFactory
    Stream<DynamicTest> elementwiseAndReductions() {
        return IntStream.range(0, CASES).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> elementwiseCase(seed)));
    }

    @TestFactory
    Stream<DynamicTest> matrixProducts() {
        return IntStream.range(0, CASES).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> matmulCase(seed)));
    }

    private void elementwiseCase(long seed) {
        Rng rng = new Rng(seed);
        DataType dtype = rng.nextInt(2) == 0 ? DataType.FLOAT : DataType.DOUBLE;
        // Every sixth case large: [8, 16, 32, 40] is split over threads (ElementwiseKernel.MIN_WORK_PER_PART).
        boolean large = seed % 6 == 5;
        long[] shape = large ? new long[] {8, 16, 32, 40} : randomShape(rng, 1 + rng.nextInt(4));
        boolean integers = large || rng.nextInt(2) == 0;
        INDArray a = operand(rng, dtype, broadcastable(rng, shape), integers, false);
        INDArray b = operand(rng, dtype, broadcastable(rng, shape), integers, true);
        int[] axes = randomAxes(rng, a.rank());
        String at = "seed " + seed + ", " + dtype + (integers ? ", integers" : ", gaussian") + ", a " + Arrays.toString(a.shape())
                + " strides " + Arrays.toString(a.stride()) + ", b " + Arrays.toString(b.shape()) + " strides "
                + Arrays.toString(b.stride()) + ", axes " + Arrays.toString(axes);
        List<Check> checks = new ArrayList<>(List.of(
                new Check("add", Tensor::add),
                new Check("sub", Tensor::sub),
                new Check("mul", Tensor::mul),
                new Check("relu", (x, y) -> x.relu()),
                new Check("relu without gradient (max(x, 0))", (x, y) -> x.detach().relu()),
                new Check("add scalar", (x, y) -> x.add(0.375)),
                new Check("mul scalar", (x, y) -> x.mul(-1.25)),
                new Check("sum", (x, y) -> x.sum(axes, false))));
        if (!integers) {
            checks.add(new Check("div", Tensor::div));
            checks.add(new Check("leakyRelu", (x, y) -> x.leakyRelu(0.1)));
            checks.add(new Check("mean", (x, y) -> x.mean(axes, true)));
            checks.add(new Check("var", (x, y) -> x.var(axes, false)));
            // Without a gradient to record, the kernel path keeps no centred copy: one pass for the value.
            checks.add(new Check("var without gradient", (x, y) -> x.detach().var(axes, true)));
        }
        for (Check c : checks) {
            compare(at + ": " + c.name, a, b, c.op, integers);
        }
    }

    private void matmulCase(long seed) {
        Rng rng = new Rng(1000 + seed);
        DataType dtype = rng.nextInt(2) == 0 ? DataType.FLOAT : DataType.DOUBLE;
        boolean integers = rng.nextInt(2) == 0;
        int m = 1 + rng.nextInt(40);
        int k = 1 + rng.nextInt(40);
        int n = 1 + rng.nextInt(40);
        INDArray a = operand(rng, dtype, new long[] {m, k}, integers, false);
        INDArray b = operand(rng, dtype, new long[] {k, n}, integers, false);
        String at = "seed " + seed + ", " + dtype + ", [" + m + "," + k + "] strides " + Arrays.toString(a.stride()) + " x [" + k
                + "," + n + "] strides " + Arrays.toString(b.stride());
        compare(at + ": matmul", a, b, Tensor::matmul, integers);
        compare(at + ": matmul of transposed views", a, b, (x, y) -> y.transpose(0, 1).matmul(x.transpose(0, 1)), integers);
    }

    /** The tolerance rejects a result off in one element by a hundredth of its scale: what any wrong index does, and worse. */
    @Test
    void theToleranceRejectsAWrongElement() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 64).addi(1.0);
        INDArray wrong = x.dup();
        wrong.putScalar(7, wrong.getDouble(7) + 0.01);
        assertThatThrownBy(() -> assertClose("negative control", x, wrong)).isInstanceOf(AssertionError.class);
    }

    private record Check(String name, BiFunction<Tensor, Tensor, Tensor> op) {
    }

    /** Value and both input gradients on the two paths: identical bits, or within the tolerance on gaussian inputs. */
    private void compare(String what, INDArray a, INDArray b, BiFunction<Tensor, Tensor, Tensor> op, boolean exact) {
        List<INDArray> kernels = run("auto", a, b, op);
        List<INDArray> nd4j = run("nd4j", a, b, op);
        assertThat(kernels).as(what + ": results").hasSameSizeAs(nd4j);
        for (int i = 0; i < kernels.size(); i++) {
            String part = what + (i == 0 ? " value" : " gradient " + i);
            INDArray expected = nd4j.get(i);
            INDArray actual = kernels.get(i);
            assertThat(actual.shape()).as(part + " shape").isEqualTo(expected.shape());
            assertThat(actual.dataType()).as(part + " dtype").isEqualTo(expected.dataType());
            if (exact) {
                assertSameValues(part, expected, actual);
            } else {
                assertClose(part, expected, actual);
            }
        }
    }

    /** Equal values, NaN where NaN; {@code -0.0} and {@code 0.0} count as equal (ReLU gives either, see ElementwiseKernel). */
    private static void assertSameValues(String what, INDArray expected, INDArray actual) {
        double[] e = expected.dup('c').data().asDouble();
        double[] v = actual.dup('c').data().asDouble();
        assertThat(v.length).as(what + " length").isEqualTo(e.length);
        for (int i = 0; i < e.length; i++) {
            if (!(v[i] == e[i] || Double.isNaN(v[i]) && Double.isNaN(e[i]))) {
                throw new AssertionError(what + " at " + i + ": " + v[i] + " vs " + e[i]);
            }
        }
    }

    private static void assertClose(String what, INDArray expected, INDArray actual) {
        double[] e = expected.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] v = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double scale = 0;
        for (double x : e) {
            scale = Double.isFinite(x) ? Math.max(scale, Math.abs(x)) : scale;
        }
        double tolerance = (expected.dataType() == DataType.FLOAT ? 1e-4 : 1e-12) * Math.max(1.0, scale);
        assertThat(v.length).as(what + " length").isEqualTo(e.length);
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i])) {
                assertThat(v[i]).as(what + " at " + i).isNaN();
            } else if (!(Math.abs(v[i] - e[i]) <= tolerance)) {
                throw new AssertionError(what + " at " + i + ": " + v[i] + " vs " + e[i] + " (tolerance " + tolerance + ")");
            }
        }
    }

    /** The op's value and the gradients of both inputs under a fixed small-integer upstream gradient, on one path. */
    private static List<INDArray> run(String mode, INDArray a, INDArray b, BiFunction<Tensor, Tensor, Tensor> op) {
        System.setProperty(KernelSelection.PROPERTY, mode);
        Nd4jTensor x = Nd4jTensor.leaf(a);
        Nd4jTensor y = Nd4jTensor.leaf(b);
        x.requiresGrad(true);
        y.requiresGrad(true);
        Tensor out = op.apply(x, y);
        INDArray value = out.unwrap(INDArray.class).dup('c');
        List<INDArray> arrays = new ArrayList<>();
        arrays.add(value);
        double[] g = new double[(int) value.length()];
        for (int i = 0; i < g.length; i++) {
            g[i] = i % 7 - 3;
        }
        if (!out.requiresGrad()) {
            return arrays;
        }
        out.backward(Nd4jTensor.leaf(Nd4j.create(g, value.shape(), 'c').castTo(value.dataType())));
        arrays.add(x.grad() == null ? Nd4j.zeros(a.dataType(), a.shape()) : x.grad().unwrap(INDArray.class).dup('c'));
        arrays.add(y.grad() == null ? Nd4j.zeros(b.dataType(), b.shape()) : y.grad().unwrap(INDArray.class).dup('c'));
        return arrays;
    }

    private static long[] randomShape(Rng rng, int rank) {
        long[] s = new long[rank];
        for (int d = 0; d < rank; d++) {
            s[d] = 1 + rng.nextInt(6);
        }
        return s;
    }

    /** {@code shape} with some dimensions set to 1 and sometimes leading dimensions dropped (NumPy broadcasting). */
    private static long[] broadcastable(Rng rng, long[] shape) {
        long[] s = shape.clone();
        for (int d = 0; d < s.length; d++) {
            if (rng.nextInt(4) == 0) {
                s[d] = 1;
            }
        }
        int drop = rng.nextInt(3) == 0 ? rng.nextInt(s.length) : 0;
        return Arrays.copyOfRange(s, drop, s.length);
    }

    private static int[] randomAxes(Rng rng, int rank) {
        List<Integer> axes = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            if (rng.nextInt(2) == 0) {
                axes.add(d);
            }
        }
        if (axes.isEmpty()) {
            axes.add(rng.nextInt(rank));
        }
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Small integers or gaussian values in a random layout; a divisor stays away from zero. */
    private static INDArray operand(Rng rng, DataType dtype, long[] shape, boolean integers, boolean divisor) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            double v = integers ? rng.nextInt(7) - 3 : rng.nextGaussian();
            values[i] = divisor && !integers ? v + Math.copySign(0.5, v) : v;
        }
        INDArray dense = Nd4j.create(values, shape, 'c').castTo(dtype);
        return RandomIndexCase.withLayout(dense, LAYOUTS[rng.nextInt(LAYOUTS.length)]);
    }
}

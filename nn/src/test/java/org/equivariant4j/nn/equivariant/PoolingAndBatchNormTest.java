package org.equivariant4j.nn.equivariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.EXACT_IN_FLOAT64;
import static org.equivariant4j.nn.equivariant.EquivariantLinearTest.sum;

import java.util.List;
import java.util.stream.Stream;

import org.equivariant4j.core.error.FieldTypeMismatchException;
import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.groups.CyclicGroup;
import org.equivariant4j.groups.DihedralGroup;
import org.equivariant4j.testkit.equivariance.EquivarianceAssertions;
import org.equivariant4j.equivariance.EquivarianceChecker;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.example.quaternion.QuaternionGroup;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** GroupPooling and EquivariantBatchNorm: equivariance for every element, values, statistics, refusals. */
class PoolingAndBatchNormTest {
    private static final CyclicGroup C4 = CyclicGroup.of(4);
    private static final DihedralGroup D4 = DihedralGroup.of(4);
    private static final QuaternionGroup Q8 = QuaternionGroup.Q8;

    private static final FieldType C4_GRID = FieldType.of(Domain.grid(2), sum(Representation.regular(C4), Representation.regular(C4),
            Representation.trivial(C4), Representation.quotient(C4.subgroup(2))));
    private static final FieldType D4_POINTS = FieldType.of(Domain.points(2),
            sum(Representation.regular(D4), Representation.quotient(D4.rotations())));
    /** Fields of one dimension: batch norm's two-array path ({@code trainUniformFields}). */
    private static final FieldType C4_REGULAR_GRID = FieldType.of(Domain.grid(2), sum(Representation.regular(C4),
            Representation.regular(C4), Representation.regular(C4)));
    private static final FieldType Q8_VECTORS = FieldType.of(Domain.vectors(),
            sum(Representation.regular(Q8), Representation.trivial(Q8), Representation.regular(Q8)));

    private record Case(String name, EquivariantLayer layer) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case("max pool, C4 grid", new GroupPooling(C4_GRID, GroupPooling.Mode.MAX)),
                new Case("mean pool, D4 points", new GroupPooling(D4_POINTS, GroupPooling.Mode.MEAN)),
                new Case("max pool, Q8 vectors", new GroupPooling(Q8_VECTORS, GroupPooling.Mode.MAX)),
                new Case("batch norm, C4 grid", new EquivariantBatchNorm(C4_GRID)),
                new Case("batch norm, C4 grid, regular fields only", new EquivariantBatchNorm(C4_REGULAR_GRID)),
                new Case("batch norm, D4 points", new EquivariantBatchNorm(D4_POINTS)),
                new Case("batch norm, Q8 vectors", new EquivariantBatchNorm(Q8_VECTORS)),
                new Case("batch norm (eval), Q8 vectors", trainedThenEvaluating(new EquivariantBatchNorm(Q8_VECTORS))));
    }

    @TestFactory
    Stream<DynamicTest> equivariantForEveryElement() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long seed = 31;
            Rng rng = new Rng(seed);
            c.layer().to(DType.FLOAT64);
            c.layer().parameters().forEach(p -> p.set(Tensors.randn(rng, DType.FLOAT64, p.shape())));
            EquivarianceAssertions.assertThat(checkerOf(c.layer())).withSeed(seed)
                    .isEquivariantUnder(c.layer().inType().group().asFinite().elements()).within(EXACT_IN_FLOAT64);
        }));
    }

    /**
     * The kit measures a layer in evaluation mode (so that running statistics cannot change between f(x) and
     * f(g·x)); a batch norm in training mode normalises with the batch statistics instead, which must be
     * equivariant too. Measured as a plain function, it stays in the mode it is in.
     */
    static EquivarianceChecker checkerOf(EquivariantLayer layer) {
        if (layer instanceof EquivariantBatchNorm && layer.isTraining()) {
            return EquivarianceChecker.of(layer + " in training mode", layer.inType(), layer.outType(), layer::forward);
        }
        return EquivarianceChecker.of(layer);
    }

    @Test
    void poolingMakesOneTrivialChannelPerField() {
        GroupPooling pool = new GroupPooling(C4_GRID, GroupPooling.Mode.MAX);
        assertThat(pool.outType().representation().name()).isEqualTo("4x trivial");
        assertThat(pool).hasToString("GroupPooling(MAX: 2x regular + trivial + quotient(C4/C2) -> 4x trivial)");
        FieldType one = FieldType.of(Domain.vectors(), Representation.regular(Q8));
        // A single field pools to the trivial representation itself, so it composes with layers typed on it.
        assertThat(new GroupPooling(one, GroupPooling.Mode.MEAN).outType().representation()).isEqualTo(Representation.trivial(Q8));

        FieldType t = FieldType.of(Domain.vectors(), sum(Representation.regular(C4), Representation.trivial(C4), Representation.regular(C4)));
        Tensor x = Tensors.of(new double[] {1, 5, 2, 3, -7, 0, -1, -2, -3}, DType.FLOAT64, 1, 9);
        assertThat(new GroupPooling(t, GroupPooling.Mode.MAX).forward(GeometricTensor.of(x, t)).tensor().toDoubleArray())
                .containsExactly(5, -7, 0);
        assertThat(new GroupPooling(t, GroupPooling.Mode.MEAN).forward(GeometricTensor.of(x, t)).tensor().toDoubleArray())
                .containsExactly(new double[] {2.75, -7, -1.5}, offset(1e-12));
    }

    @Test
    void poolingAndBatchNormRefuseNonPermutationFields() {
        FieldType t = FieldType.of(Domain.vectors(), sum(Representation.regular(C4), C4.irrep("1")));
        assertThatThrownBy(() -> new GroupPooling(t, GroupPooling.Mode.MAX)).isInstanceOf(FieldTypeMismatchException.class)
                .hasMessageContaining("GroupPooling(MAX)").hasMessageContaining("irrep(1) of C4");
        assertThatThrownBy(() -> new EquivariantBatchNorm(t)).isInstanceOf(FieldTypeMismatchException.class)
                .hasMessageContaining("EquivariantBatchNorm").hasMessageContaining("irrep(1) of C4");
    }

    @Test
    void batchNormSharesStatisticsOverBatchSpaceAndTheGroupAxis() {
        FieldType t = FieldType.of(Domain.grid(2), sum(Representation.regular(C4), Representation.trivial(C4)));
        EquivariantBatchNorm bn = new EquivariantBatchNorm(t);
        bn.to(DType.FLOAT64);
        Tensor x = Tensors.randn(new Rng(41), DType.FLOAT64, 4, 5, 3, 3).mul(3).add(2);
        double[] y = bn.forward(GeometricTensor.of(x, t)).tensor().toDoubleArray();
        double[] in = x.toDoubleArray();
        // Per field: channels 0-3 (regular) and channel 4 (trivial), over 4 samples and 9 positions.
        double[][] stats = new double[2][4];
        for (int i = 0; i < y.length; i++) {
            int channel = (i / 9) % 5;
            int field = channel < 4 ? 0 : 1;
            stats[field][0] += y[i];
            stats[field][1] += y[i] * y[i];
            stats[field][2] += in[i];
            stats[field][3] += 1;
        }
        for (int f = 0; f < 2; f++) {
            double n = stats[f][3];
            assertThat(stats[f][0] / n).as("mean of field %d", f).isCloseTo(0, offset(1e-9));
            assertThat(stats[f][1] / n).as("variance of field %d", f).isCloseTo(1, offset(1e-4)); // eps = 1e-5
        }
        // Running statistics after one step with momentum 0.1.
        double[] runningMean = bn.stateDict().get("running_mean").toDoubleArray();
        assertThat(runningMean[0]).isCloseTo(0.1 * stats[0][2] / stats[0][3], offset(1e-12));
        assertThat(runningMean[1]).isCloseTo(0.1 * stats[1][2] / stats[1][3], offset(1e-12));
        assertThat(bn.stateDict().get("running_var").toDoubleArray()[0]).isBetween(0.9 + 0.1 * 7, 0.9 + 0.1 * 11);
    }

    /**
     * Fields of equal dimension take the path that normalises as {@code x * s + t}: it must give the
     * per-field formula, worked out here in double loops, and the same running statistics.
     */
    @Test
    void batchNormOfEqualFieldsGivesThePerFieldFormula() {
        EquivariantBatchNorm bn = new EquivariantBatchNorm(C4_REGULAR_GRID);
        bn.to(DType.FLOAT64);
        Rng rng = new Rng(43);
        bn.parameters().forEach(p -> p.set(Tensors.randn(rng, DType.FLOAT64, p.shape()).add(1)));
        double[] weight = bn.parameters().get(0).value().toDoubleArray();
        double[] bias = bn.parameters().get(1).value().toDoubleArray();
        Tensor x = Tensors.randn(new Rng(42), DType.FLOAT64, 4, 12, 3, 3).mul(3).add(2);
        double[] y = bn.forward(GeometricTensor.of(x, C4_REGULAR_GRID)).tensor().toDoubleArray();
        double[] in = x.toDoubleArray();
        double[] sum = new double[3];
        double[] sumSq = new double[3];
        double n = 4 * 4 * 9;
        for (int i = 0; i < in.length; i++) {
            int field = (i / 9) % 12 / 4;
            sum[field] += in[i];
        }
        for (int i = 0; i < in.length; i++) {
            int field = (i / 9) % 12 / 4;
            double d = in[i] - sum[field] / n;
            sumSq[field] += d * d;
        }
        for (int i = 0; i < in.length; i++) {
            int f = (i / 9) % 12 / 4;
            double expected = (in[i] - sum[f] / n) / Math.sqrt(sumSq[f] / n + 1e-5) * weight[f] + bias[f];
            assertThat(y[i]).as("output %d (field %d)", i, f).isCloseTo(expected, offset(1e-12));
        }
        double[] runningMean = bn.stateDict().get("running_mean").toDoubleArray();
        double[] runningVar = bn.stateDict().get("running_var").toDoubleArray();
        for (int f = 0; f < 3; f++) {
            assertThat(runningMean[f]).as("running mean %d", f).isCloseTo(0.1 * sum[f] / n, offset(1e-12));
            assertThat(runningVar[f]).as("running var %d (unbiased)", f).isCloseTo(0.9 + 0.1 * sumSq[f] / (n - 1), offset(1e-12));
        }
    }

    @Test
    void gradients() {
        // Small on purpose: every input entry costs two forward passes.
        FieldType t = FieldType.of(Domain.vectors(), sum(Representation.regular(C4), Representation.trivial(C4)));
        Tensor x = Tensors.randn(new Rng(51), DType.FLOAT64, 3, t.channels());
        for (EquivariantLayer layer : List.of(new GroupPooling(t, GroupPooling.Mode.MAX), new GroupPooling(t, GroupPooling.Mode.MEAN),
                new EquivariantBatchNorm(t))) {
            layer.to(DType.FLOAT64);
            GradientCheck.of(layer.toString(), in -> layer.forward(GeometricTensor.of(in[0], t)).tensor(), x).assertCorrect();
        }
        // Equal fields: the x * s + t path, on a grid so the reshape to [B, F, d, H, W] is exercised.
        EquivariantBatchNorm equal = new EquivariantBatchNorm(C4_REGULAR_GRID);
        equal.to(DType.FLOAT64);
        Tensor grid = Tensors.randn(new Rng(52), DType.FLOAT64, 2, C4_REGULAR_GRID.channels(), 2, 2);
        GradientCheck.of(equal.toString(), in -> equal.forward(GeometricTensor.of(in[0], C4_REGULAR_GRID)).tensor(), grid)
                .assertCorrect();
    }

    private static EquivariantLayer trainedThenEvaluating(EquivariantBatchNorm bn) {
        bn.forward(GeometricTensor.of(Tensors.randn(new Rng(61), 16, Q8_VECTORS.channels()).add(1), Q8_VECTORS));
        bn.eval();
        return bn;
    }
}

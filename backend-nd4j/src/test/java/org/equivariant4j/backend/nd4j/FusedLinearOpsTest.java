package org.equivariant4j.backend.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.FusedActivation;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fused linear op ({@link FusedLinearOps}, behind {@code Tensor.linear}) against the ops it fuses (matmul with
 * the transposed weight, add, the activation): same outputs and the same gradients of input, weight and bias, for
 * every activation, with and without a bias, in float32 and float64, with an upstream gradient that is a strided
 * view; and the fused op is the one that ran (its graph node is {@code linear}), except where it must not
 * ({@code equivariant4j.kernels=nd4j}, a 3D input, an empty batch), which give the composed op's values.
 *
 * <p>Tolerance, relative to {@code 1 + |expected|}: float64 1e-12, float32 1e-5. The two forms sum the same products
 * in other orders (BLAS with the bias as the initial value vs. BLAS then an add; column sums in double vs. ND4J's
 * reduction), so they may differ by a few roundings of the largest partial sums: at float32 (6e-8 each) over the
 * 16-term sums here (measured: at most 3e-7), well below 1e-5; the negative control (a bias off by 1e-3) fails it.
 */
@ExtendWith(KernelsSwitchRestored.class)
class FusedLinearOpsTest {
    private static final int N = 7;
    private static final int IN = 16;
    private static final int OUT = 5;

    /** Output and gradients (input, weight, bias) of one form on fresh leaves. */
    private static List<double[]> run(DType dtype, FusedActivation act, boolean withBias, boolean fused, double biasShift,
            int... inputShape) {
        Rng rng = new Rng(17);
        Tensor x = Tensors.randn(rng, dtype, inputShape).requiresGrad(true);
        Tensor w = Tensors.randn(rng, dtype, OUT, IN).requiresGrad(true);
        Tensor b = withBias ? Tensors.randn(rng, dtype, OUT).add(biasShift).detach().requiresGrad(true) : null;
        // A strided upstream gradient: the transpose of a dense [OUT, rows] array.
        int rows = (int) (x.numel() / IN);
        Tensor upstream = Tensors.randn(rng, dtype, OUT, rows).transpose(0, 1);
        Tensor y;
        if (fused) {
            y = x.rank() == 2 ? x.linear(w, b, act) : x.reshape(-1, IN).linear(w, b, act);
        } else {
            Tensor z = (x.rank() == 2 ? x : x.reshape(-1, IN)).matmul(w.transpose(0, 1));
            y = act.apply(b == null ? z : z.add(b));
        }
        y.mul(upstream).sum().backward();
        List<double[]> out = new ArrayList<>();
        out.add(y.toDoubleArray());
        out.add(x.grad().toDoubleArray());
        out.add(w.grad().toDoubleArray());
        if (withBias) {
            out.add(b.grad().toDoubleArray());
        }
        return out;
    }

    private static double worst(List<double[]> actual, List<double[]> expected) {
        double worst = 0;
        for (int k = 0; k < expected.size(); k++) {
            double[] a = actual.get(k);
            double[] e = expected.get(k);
            assertThat(a).hasSameSizeAs(e);
            for (int i = 0; i < e.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - e[i]) / (1 + Math.abs(e[i])));
            }
        }
        return worst;
    }

    private static double tolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 1e-5 : 1e-12;
    }

    @ParameterizedTest
    @EnumSource(FusedActivation.class)
    void fusedAndComposedFormsAgree(FusedActivation act) {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (boolean withBias : new boolean[] {true, false}) {
                double error = worst(run(dtype, act, withBias, true, 0, N, IN), run(dtype, act, withBias, false, 0, N, IN));
                assertThat(error).as("%s %s bias %s", act, dtype, withBias).isLessThanOrEqualTo(tolerance(dtype));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void theToleranceCatchesASlightlyWrongBias(DType dtype) {
        double error = worst(run(dtype, FusedActivation.SILU, true, true, 1e-3, N, IN),
                run(dtype, FusedActivation.SILU, true, false, 0, N, IN));
        assertThat(error).isGreaterThan(tolerance(dtype));
    }

    @Test
    void theFusedOpRunsOnHostMemoryAndTheComposedOneOtherwise() {
        Rng rng = new Rng(3);
        Tensor x = Tensors.randn(rng, DType.FLOAT32, N, IN).requiresGrad(true);
        Tensor w = Tensors.randn(rng, DType.FLOAT32, OUT, IN).requiresGrad(true);
        Tensor b = Tensors.randn(rng, DType.FLOAT32, OUT).requiresGrad(true);
        assertThat(((Nd4jTensor) x.linear(w, b, FusedActivation.RELU)).node().op()).isEqualTo("linear");
        assertThat(((Nd4jTensor) x.reshape(1, N, IN).linear(w, b, FusedActivation.RELU)).node().op()).isEqualTo("relu");
        System.setProperty(KernelSelection.PROPERTY, "nd4j");
        assertThat(((Nd4jTensor) x.linear(w, b, FusedActivation.SILU)).node().op()).isEqualTo("silu");
    }

    @Test
    void otherRanksEmptyBatchesAndTheNd4jSwitchGiveTheComposedValues() {
        for (FusedActivation act : FusedActivation.values()) {
            assertThat(worst(run(DType.FLOAT64, act, true, true, 0, 2, 3, IN), run(DType.FLOAT64, act, true, false, 0, 2, 3, IN)))
                    .isLessThanOrEqualTo(1e-12);
        }
        Tensor empty = Tensors.zeros(DType.FLOAT32, 0, IN).linear(Tensors.zeros(DType.FLOAT32, OUT, IN),
                Tensors.zeros(DType.FLOAT32, OUT), FusedActivation.SILU);
        assertThat(empty.shape()).containsExactly(0, OUT);
        System.setProperty(KernelSelection.PROPERTY, "nd4j");
        assertThat(worst(run(DType.FLOAT64, FusedActivation.SILU, true, true, 0, N, IN),
                run(DType.FLOAT64, FusedActivation.SILU, true, false, 0, N, IN))).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void mismatchedShapesAreRefusedByTheComposedOps() {
        Tensor x = Tensors.zeros(DType.FLOAT32, N, IN);
        assertThatThrownBy(() -> x.linear(Tensors.zeros(DType.FLOAT32, OUT, IN + 1), null, FusedActivation.RELU))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("matmul");
        assertThatThrownBy(() -> x.linear(Tensors.zeros(DType.FLOAT32, OUT, IN), Tensors.zeros(DType.FLOAT32, OUT + 1),
                FusedActivation.RELU)).isInstanceOf(ShapeMismatchException.class).hasMessageContaining("add");
    }
}

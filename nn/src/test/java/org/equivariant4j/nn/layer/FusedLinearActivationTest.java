package org.equivariant4j.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.FusedActivation;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.activation.ReLU;
import org.equivariant4j.nn.activation.SiLU;
import org.equivariant4j.nn.activation.Tanh;
import org.equivariant4j.nn.init.LinearDefault;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * {@link Sequential} (and so {@link MLP}) runs each Linear + ReLU / SiLU pair as one fused op through
 * {@link Linear#forwardThen}: the outputs and every parameter gradient equal those of running the layers one by one
 * (Linear, then the activation module), in float64 to 1e-12 and float32 to 1e-5 relative to {@code 1 + |expected|}
 * (the fused op adds the bias inside the GEMM and sums the bias gradient in another order: a few float32 roundings of
 * sums of up to 32 terms); a 3D input and an activation the engine does not fuse (Tanh) take the ordinary path. The
 * fused layer passes a float64 finite-difference gradient check.
 */
class FusedLinearActivationTest {
    private static final int[] WIDTHS = {6, 32, 16, 3};

    /** Output and the gradient of every parameter after backward of a weighted sum of the output. */
    private static List<double[]> run(MLP mlp, Tensor x, boolean fused) {
        mlp.zeroGrad();
        Tensor y;
        if (fused) {
            y = mlp.forward(x);
        } else {
            y = x;
            for (UnaryModule layer : mlp.layers().layers()) {
                y = layer.forward(y);
            }
        }
        Tensor weights = Tensors.randn(new Rng(99), y.dtype(), y.shape());
        y.mul(weights).sum().backward();
        List<double[]> out = new ArrayList<>();
        out.add(y.toDoubleArray());
        for (Parameter p : mlp.parameters()) {
            out.add(p.grad().toDoubleArray());
        }
        return out;
    }

    private static double worst(List<double[]> a, List<double[]> e) {
        double worst = 0;
        for (int k = 0; k < e.size(); k++) {
            for (int i = 0; i < e.get(k).length; i++) {
                worst = Math.max(worst, Math.abs(a.get(k)[i] - e.get(k)[i]) / (1 + Math.abs(e.get(k)[i])));
            }
        }
        return worst;
    }

    private static void check(Supplier<UnaryModule> activation, int... inputShape) {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            MLP mlp = new MLP(WIDTHS, activation, new LinearDefault(), dtype, new Rng(5));
            Tensor x = Tensors.randn(new Rng(6), dtype, inputShape);
            double error = worst(run(mlp, x, true), run(mlp, x, false));
            assertThat(error).as("%s %s", activation.get(), dtype).isLessThanOrEqualTo(dtype == DType.FLOAT32 ? 1e-5 : 1e-12);
        }
    }

    @Test
    void reluMlpEqualsItsLayersRunOneByOne() {
        check(ReLU::new, 9, WIDTHS[0]);
    }

    @Test
    void siluMlpEqualsItsLayersRunOneByOne() {
        check(SiLU::new, 9, WIDTHS[0]);
    }

    @Test
    void otherActivationsAndRanksTakeTheOrdinaryPath() {
        check(Tanh::new, 9, WIDTHS[0]);
        check(SiLU::new, 2, 4, WIDTHS[0]);
        Linear layer = new Linear(4, 3, new Rng(1));
        Tensor x = Tensors.randn(new Rng(2), 5, 4);
        assertThat(layer.forwardThen(x, new Tanh()).toDoubleArray()).containsExactly(layer.forward(x).tanh().toDoubleArray());
    }

    @Test
    void theFusedLayerPassesAFloat64GradientCheck() {
        for (Supplier<UnaryModule> act : List.<Supplier<UnaryModule>>of(ReLU::new, SiLU::new)) {
            Linear layer = Linear.builder(4, 3).dtype(DType.FLOAT64).rng(new Rng(3)).build();
            UnaryModule activation = act.get();
            Tensor x = Tensors.randn(new Rng(4), DType.FLOAT64, 5, 4);
            GradientCheck.of("Linear + " + activation, in -> layer.forwardThen(in[0], activation), x).assertCorrect();
            GradientCheck.of("Linear + " + activation + " (weight)", in -> in[0].linear(in[1], layer.bias().value(),
                    activation instanceof ReLU ? FusedActivation.RELU : FusedActivation.SILU), x,
                    layer.weight().value().detach()).assertCorrect();
        }
    }
}

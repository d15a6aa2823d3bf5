package org.equivariant4j.nn.gradient;

import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.layer.Linear;
import org.equivariant4j.nn.loss.BceWithLogitsLoss;
import org.equivariant4j.nn.loss.CrossEntropyLoss;
import org.equivariant4j.nn.loss.MseLoss;
import org.equivariant4j.nn.norm.BatchNorm;
import org.equivariant4j.nn.norm.LayerNorm;
import org.equivariant4j.testkit.gradient.GradientCheck;
import org.equivariant4j.testkit.gradient.ParameterGradientCheck;
import org.junit.jupiter.api.Test;

/**
 * Autodiff against central finite differences in float64: for each layer the gradient with
 * respect to its input ({@link GradientCheck}) and to every entry of each of its parameters
 * ({@link ParameterGradientCheck}); for each loss with respect to its floating inputs.
 */
class LayerAndLossGradientTest {

    private static Tensor input(long seed, int... shape) {
        return Tensors.randn(new Rng(seed), DType.FLOAT64, shape);
    }

    /** Checks every entry of every parameter of {@code layer} at input {@code x}. */
    private static void assertParameterGradients(UnaryModule layer, Tensor x) {
        layer.namedParameters().forEach((name, p) -> ParameterGradientCheck.of(layer, name, () -> layer.forward(x))
                .entries((int) p.value().numel()).assertCorrect());
    }

    @Test
    void linear() {
        Linear layer = (Linear) new Linear(4, 3, new Rng(1)).to(DType.FLOAT64);
        Tensor x = input(2, 2, 5, 4);
        GradientCheck.of("Linear input", in -> layer.forward(in[0]), x).assertCorrect();
        assertParameterGradients(layer, x);
    }

    @Test
    void layerNorm() {
        LayerNorm norm = new LayerNorm(new int[] {2, 3}, 1e-5, true, DType.FLOAT64);
        // Non-trivial affine parameters, so their gradients are not just the normalised input.
        norm.namedParameters().get("weight").value().assign(input(4, 2, 3));
        norm.namedParameters().get("bias").value().assign(input(5, 2, 3));
        Tensor x = input(6, 4, 2, 3).mul(2).add(1);
        GradientCheck.of("LayerNorm input", in -> norm.forward(in[0]), x).assertCorrect();
        assertParameterGradients(norm, x);
    }

    @Test
    void batchNormInTrainingMode() {
        BatchNorm bn = new BatchNorm(3, 1e-5, 0.1, true, DType.FLOAT64);
        bn.namedParameters().get("weight").value().assign(input(8, 3));
        bn.namedParameters().get("bias").value().assign(input(9, 3));
        Tensor x = input(10, 4, 3, 2).mul(3).sub(1);
        GradientCheck.of("BatchNorm input (train)", in -> bn.forward(in[0]), x).assertCorrect();
        assertParameterGradients(bn, x);
    }

    @Test
    void batchNormInEvaluationMode() {
        BatchNorm bn = new BatchNorm(3, 1e-5, 0.1, true, DType.FLOAT64);
        bn.forward(input(12, 8, 3));
        bn.eval();
        GradientCheck.of("BatchNorm input (eval)", in -> bn.forward(in[0]), input(13, 5, 3)).assertCorrect();
    }

    @Test
    void crossEntropy() {
        Tensor labels = Tensors.of(new long[] {2, 0, 1, 2, 1}, 5);
        GradientCheck.of("CrossEntropyLoss", in -> new CrossEntropyLoss().compute(in[0], in[1]), input(14, 5, 3), labels)
                .assertCorrect();
    }

    @Test
    void meanSquaredError() {
        GradientCheck.of("MseLoss", in -> new MseLoss().compute(in[0], in[1]), input(15, 3, 4), input(16, 3, 4)).assertCorrect();
    }

    @Test
    void binaryCrossEntropyWithLogits() {
        Tensor targets = Tensors.uniform(new Rng(17), 0, 1, DType.FLOAT64, 6);
        GradientCheck.of("BceWithLogitsLoss", in -> new BceWithLogitsLoss().compute(in[0], in[1]), input(18, 6).mul(3), targets)
                .assertCorrect();
    }
}

package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.testkit.gradient.GradientCheck;

/** Elementwise arithmetic (with broadcasting and non-contiguous operands) and functions. */
final class ElementwiseGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(11);
        List<GradCase> cases = new ArrayList<>();
        binary(cases, "add", (a, b) -> a.add(b), in);
        binary(cases, "sub", (a, b) -> a.sub(b), in);
        binary(cases, "mul", (a, b) -> a.mul(b), in);
        cases.add(GradCase.of("div", "same shape", GradientCheck.of("div", x -> x[0].div(x[1]), in.normal(3, 4),
                in.uniform(0.5, 2, 3, 4))));
        cases.add(GradCase.of("div", "broadcast [3,1,4] / [2,1]", GradientCheck.of("div", x -> x[0].div(x[1]),
                in.normal(3, 1, 4), in.uniform(0.5, 2, 2, 1))));
        cases.add(GradCase.of("div", "scalar", GradientCheck.of("div", x -> x[0].div(3.0), in.normal(2, 3))));
        cases.add(GradCase.of("add", "scalar", GradientCheck.of("add", x -> x[0].add(2.5), in.normal(2, 3))));
        cases.add(GradCase.of("sub", "scalar", GradientCheck.of("sub", x -> x[0].sub(2.5), in.normal(2, 3))));
        cases.add(GradCase.of("mul", "scalar", GradientCheck.of("mul", x -> x[0].mul(-1.5), in.normal(2, 3))));
        cases.add(GradCase.of("pow", "tensor exponent, broadcast", GradientCheck.of("pow", x -> x[0].pow(x[1]),
                in.uniform(0.5, 2, 3, 4), in.uniform(-1.5, 2, 4))));
        cases.add(GradCase.of("pow", "scalar exponent 2.5", GradientCheck.of("pow", x -> x[0].pow(2.5), in.uniform(0.2, 2, 3, 4))));
        cases.add(GradCase.of("pow", "scalar exponent 3 on negatives", GradientCheck.of("pow", x -> x[0].pow(3), in.normal(3, 4))));

        unary(cases, "neg", Tensor::neg, in.normal(3, 4));
        unary(cases, "exp", Tensor::exp, in.normal(3, 4));
        unary(cases, "log", Tensor::log, in.uniform(0.2, 3, 3, 4));
        unary(cases, "sqrt", Tensor::sqrt, in.uniform(0.2, 3, 3, 4));
        unary(cases, "abs", Tensor::abs, in.awayFrom(0.05, new double[] {0}, 3, 4));
        unary(cases, "sin", Tensor::sin, in.normal(3, 4));
        unary(cases, "cos", Tensor::cos, in.normal(3, 4));
        unary(cases, "tanh", Tensor::tanh, in.normal(3, 4));
        unary(cases, "sigmoid", Tensor::sigmoid, in.normal(3, 4));
        unary(cases, "relu", Tensor::relu, in.awayFrom(0.05, new double[] {0}, 3, 4));
        unary(cases, "leakyRelu", t -> t.leakyRelu(0.1), in.awayFrom(0.05, new double[] {0}, 3, 4));
        unary(cases, "elu", t -> t.elu(0.7), in.awayFrom(0.05, new double[] {0}, 3, 4));
        unary(cases, "gelu", Tensor::gelu, in.normal(3, 4));
        unary(cases, "silu", Tensor::silu, in.normal(3, 4));
        unary(cases, "softplus", Tensor::softplus, in.normal(3, 4).mul(5.0));
        unary(cases, "clamp", t -> t.clamp(-0.5, 0.7), in.awayFrom(0.05, new double[] {-0.5, 0.7}, 3, 4));
        unary(cases, "to", t -> t.to(org.equivariant4j.core.tensor.DType.FLOAT64).mul(2.0), in.normal(3, 4));
        cases.add(GradCase.of("maskedFill", "broadcast mask", GradientCheck.of("maskedFill",
                x -> x[0].maskedFill(x[1].gt(0.0), 3.0), in.normal(3, 4), in.normal(4)).constant(1)));
        return cases;
    }

    private static void unary(List<GradCase> cases, String op, UnaryOperator<Tensor> f, Tensor x) {
        cases.add(GradCase.of(op, "contiguous " + java.util.Arrays.toString(x.shape()), GradientCheck.of(op, a -> f.apply(a[0]), x)));
        cases.add(GradCase.of(op, "transposed view", GradientCheck.of(op, a -> f.apply(a[0].transpose(0, 1)), x)));
    }

    private static void binary(List<GradCase> cases, String op, java.util.function.BinaryOperator<Tensor> f, Inputs in) {
        cases.add(GradCase.of(op, "same shape", GradientCheck.of(op, x -> f.apply(x[0], x[1]), in.normal(3, 4), in.normal(3, 4))));
        cases.add(GradCase.of(op, "broadcast [2,3,4] with [3,1]", GradientCheck.of(op, x -> f.apply(x[0], x[1]),
                in.normal(2, 3, 4), in.normal(3, 1))));
        cases.add(GradCase.of(op, "broadcast [4] with [3,1] both ways", GradientCheck.of(op, x -> f.apply(x[0], x[1]),
                in.normal(4), in.normal(3, 1))));
        for (int trial = 0; trial < 3; trial++) {
            int[] shape = in.shape(3, 4);
            int[] partner = in.broadcastPartner(shape);
            boolean swap = trial % 2 == 1;
            Tensor a = in.normal(swap ? partner : shape);
            Tensor b = in.normal(swap ? shape : partner);
            cases.add(GradCase.of(op, "random shapes " + java.util.Arrays.toString(a.shape()) + " with "
                    + java.util.Arrays.toString(b.shape()), GradientCheck.of(op, x -> f.apply(x[0], x[1]), a, b)));
        }
        cases.add(GradCase.of(op, "permuted and sliced operands", GradientCheck.of(op,
                x -> f.apply(x[0].permute(1, 0), x[1].narrow(1, 1, 4)), in.normal(4, 3), in.normal(3, 6))));
    }
}

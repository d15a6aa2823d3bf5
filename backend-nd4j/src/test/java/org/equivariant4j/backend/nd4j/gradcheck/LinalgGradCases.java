package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.FusedActivation;
import org.equivariant4j.testkit.gradient.GradientCheck;

/**
 * Matrix products: 2D, vectors, batched with broadcast batch dimensions, shared weights, transposed views; and the
 * linear op ({@code Tensor.linear}, fused on this engine for 2D inputs) with each activation, with and without a bias,
 * and on a 3D input, which takes the composed ops.
 */
final class LinalgGradCases implements GradCaseFamily {

    @Override
    public List<GradCase> cases() {
        Inputs in = new Inputs(13);
        List<GradCase> c = new ArrayList<>();
        c.add(GradCase.of("matmul", "[3,4] x [4,5]", GradientCheck.of("matmul", x -> x[0].matmul(x[1]), in.normal(3, 4),
                in.normal(4, 5))));
        c.add(GradCase.of("matmul", "transposed views", GradientCheck.of("matmul",
                x -> x[0].transpose(0, 1).matmul(x[1].transpose(0, 1)), in.normal(4, 3), in.normal(5, 4))));
        c.add(GradCase.of("matmul", "vector x matrix", GradientCheck.of("matmul", x -> x[0].matmul(x[1]), in.normal(4),
                in.normal(4, 5))));
        c.add(GradCase.of("matmul", "matrix x vector", GradientCheck.of("matmul", x -> x[0].matmul(x[1]), in.normal(3, 4),
                in.normal(4))));
        c.add(GradCase.of("matmul", "batched [2,3,4] x shared [4,5]", GradientCheck.of("matmul", x -> x[0].matmul(x[1]),
                in.normal(2, 3, 4), in.normal(4, 5))));
        c.add(GradCase.of("matmul", "batched [2,3,4] x [2,4,5]", GradientCheck.of("matmul", x -> x[0].matmul(x[1]),
                in.normal(2, 3, 4), in.normal(2, 4, 5))));
        c.add(GradCase.of("matmul", "broadcast batch [2,1,3,4] x [3,4,2]", GradientCheck.of("matmul",
                x -> x[0].matmul(x[1]), in.normal(2, 1, 3, 4), in.normal(3, 4, 2))));
        c.add(GradCase.of("matmul", "shared [3,4] x batched [2,4,5]", GradientCheck.of("matmul", x -> x[0].matmul(x[1]),
                in.normal(3, 4), in.normal(2, 4, 5))));
        for (FusedActivation act : FusedActivation.values()) {
            c.add(GradCase.of("linear", act + ", bias", GradientCheck.of("linear", x -> x[0].linear(x[1], x[2], act),
                    in.normal(5, 4), in.normal(3, 4), in.normal(3))));
            c.add(GradCase.of("linear", act + ", no bias", GradientCheck.of("linear", x -> x[0].linear(x[1], null, act),
                    in.normal(5, 4), in.normal(3, 4))));
        }
        c.add(GradCase.of("linear", "SILU on [2,5,4] (composed)", GradientCheck.of("linear",
                x -> x[0].linear(x[1], x[2], FusedActivation.SILU), in.normal(2, 5, 4), in.normal(3, 4), in.normal(3))));
        return c;
    }
}

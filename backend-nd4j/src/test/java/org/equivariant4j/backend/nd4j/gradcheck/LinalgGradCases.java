package org.equivariant4j.backend.nd4j.gradcheck;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.testkit.gradient.GradientCheck;

/** Matrix products: 2D, vectors, batched with broadcast batch dimensions, shared weights, transposed views. */
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
        return c;
    }
}

package org.equivariant4j.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A two-entry float64 parameter p0 = [1, -2] trained on {@code loss = sum(c p) + sum(p^2) / 2}
 * with c = [0.5, -1], whose gradient {@code c + p} changes from step to step, so the optimisers'
 * state (momentum, moments) is exercised. Expected values are PyTorch's update rules evaluated by
 * hand (in double precision) and quoted in each test.
 */
final class OptimizerFixture {
    static final Tensor C = Tensors.of(new double[] {0.5, -1}, DType.FLOAT64, 2);

    private OptimizerFixture() {
    }

    static Parameter parameter() {
        return new Parameter(Tensors.of(new double[] {1, -2}, DType.FLOAT64, 2));
    }

    static void backward(Parameter p) {
        Tensor v = p.value();
        v.mul(C).sum().add(v.mul(v).sum().mul(0.5)).backward();
    }

    /** Runs steps and checks the parameter after each against {@code expected[step]}. */
    static void assertSteps(Function<List<Parameter>, Optimizer> make, double[]... expected) {
        Parameter p = parameter();
        Optimizer optimizer = make.apply(List.of(p));
        for (int step = 0; step < expected.length; step++) {
            optimizer.zeroGrad();
            backward(p);
            optimizer.step();
            assertThat(p.value().toDoubleArray()).as("%s after step %d", optimizer, step + 1)
                    .containsExactly(expected[step], within(1e-12));
        }
    }
}

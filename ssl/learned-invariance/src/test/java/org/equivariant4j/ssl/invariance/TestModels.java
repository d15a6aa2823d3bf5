package org.equivariant4j.ssl.invariance;

import java.util.function.UnaryOperator;

import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.tensor.Tensor;

/** Small classifiers for the metric tests: invariant by construction, and not. */
final class TestModels {
    private TestModels() {
    }

    /** {@code (1/|G|) Σ_g f(g·x)}: invariant under the action's group whatever f is. */
    static UnaryOperator<Tensor> orbitAverage(UnaryOperator<Tensor> f, OrbitAction action) {
        return x -> {
            Tensor sum = null;
            for (var g : action.elements()) {
                Tensor y = f.apply(action.apply(g, x));
                sum = sum == null ? y : sum.add(y);
            }
            return sum.div(action.elements().size());
        };
    }

    /** {@code a(x) + ε b(x)}. */
    static UnaryOperator<Tensor> plus(UnaryOperator<Tensor> a, double epsilon, UnaryOperator<Tensor> b) {
        return x -> a.apply(x).add(b.apply(x).mul(epsilon));
    }

    /** Puts {@code m} in evaluation mode and returns it. */
    static <M extends Module> M evaluating(M m) {
        m.eval();
        return m;
    }
}

package org.equivariant4j.nn.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Central finite differences for a module's own parameters, the counterpart of testkit's
 * {@code GradientCheck} (which checks a function's explicit inputs; a module reads its
 * parameters from its {@link Parameter}s, which the check's input leaves cannot reach).
 *
 * <p>Compares the gradient of {@code L = sum(module(x) * r)} (fixed random cotangent {@code r},
 * seeded) with {@code (L(p + eps e_j) - L(p - eps e_j)) / 2 eps} for every entry of every
 * parameter, perturbing parameters in place. The module must be float64.
 */
final class ParameterGradientCheck {
    private static final double EPS = 1e-6;
    private static final double ATOL = 1e-6;
    private static final double RTOL = 1e-5;

    private ParameterGradientCheck() {
    }

    /** Throws an AssertionError naming the parameter path, entry and both values when an entry is off. */
    static void assertCorrect(UnaryModule module, Tensor input, long seed) {
        Tensor probe;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            probe = module.forward(input);
        }
        Tensor cotangent = Tensors.randn(new Rng(seed), DType.FLOAT64, probe.shape());
        module.zeroGrad();
        module.forward(input).mul(cotangent).sum().backward();

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            if (p.value().dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException("ParameterGradientCheck: " + e.getKey() + " is " + p.value().dtype()
                        + "; call module.to(DType.FLOAT64) first");
            }
            double[] analytic = p.grad() == null ? new double[(int) p.value().numel()] : p.grad().toDoubleArray();
            double[] base = p.value().toDoubleArray();
            for (int j = 0; j < base.length; j++) {
                double numeric = (loss(module, input, cotangent, p, base, j, EPS) - loss(module, input, cotangent, p, base, j, -EPS))
                        / (2 * EPS);
                if (!(Math.abs(analytic[j] - numeric) <= ATOL + RTOL * Math.abs(numeric))) {
                    failures.add(e.getKey() + "[" + j + "]: analytic " + analytic[j] + " vs numeric " + numeric);
                }
            }
            p.value().assign(Tensors.of(base, DType.FLOAT64, p.shape()));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("parameter gradients of " + module + " (seed " + seed + ") differ from finite differences:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(10, failures.size()))));
        }
    }

    private static double loss(UnaryModule module, Tensor input, Tensor cotangent, Parameter p, double[] base, int entry, double delta) {
        double[] shifted = base.clone();
        shifted[entry] += delta;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            p.value().assign(Tensors.of(shifted, DType.FLOAT64, p.shape()));
            return module.forward(input).mul(cotangent).sum().item();
        }
    }
}

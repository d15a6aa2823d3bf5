package org.equivariant4j.testkit.gradient;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.module.Module;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Finite-difference check of the gradient a module's forward pass gives one of its parameters, in float64.
 *
 * <p>{@link GradientCheck} differentiates a function of its inputs; a parameter is not an input but
 * state the module reads, and {@link Parameter#set} makes a fresh leaf, so the parameter is checked
 * where it lives: the autodiff gradient of {@code L = sum(output * r)} (random cotangent r, seeded)
 * lands in {@link Parameter#grad()}, and central differences move the parameter's value in place.
 * To keep it cheap on large tensors only a seeded sample of {@link #entries(int)} entries is checked.
 * The module's gradients are cleared before and after, and the parameter's value is restored.
 *
 * <pre>{@code
 * module.to(DType.FLOAT64);
 * ParameterGradientCheck.of(module, "weight", () -> module.forward(x)).assertCorrect();
 * }</pre>
 */
public final class ParameterGradientCheck {
    private final Module module;
    private final String name;
    private final Supplier<Tensor> output;
    private int entries = 6;
    private double eps = 1e-6;
    private double absoluteTolerance = 1e-6;
    private double relativeTolerance = 1e-5;
    private long seed = 1234;

    private ParameterGradientCheck(Module module, String name, Supplier<Tensor> output) {
        this.module = module;
        this.name = name;
        this.output = output;
    }

    /** A check of the parameter at dotted path {@code name} of {@code module}, whose forward pass {@code output} runs. */
    public static ParameterGradientCheck of(Module module, String name, Supplier<Tensor> output) {
        if (!module.namedParameters().containsKey(name)) {
            throw new InvalidArgumentException(module + " has no parameter '" + name + "'; its parameters are "
                    + module.namedParameters().keySet());
        }
        return new ParameterGradientCheck(module, name, output);
    }

    /** At most this many entries (a seeded sample) are checked (default 6). */
    public ParameterGradientCheck entries(int value) {
        if (value < 1) {
            throw new InvalidArgumentException("ParameterGradientCheck: entries must be >= 1, got " + value);
        }
        this.entries = value;
        return this;
    }

    /** Finite-difference step (default 1e-6). */
    public ParameterGradientCheck eps(double value) {
        this.eps = value;
        return this;
    }

    /** Pass when {@code |analytic - numeric| <= atol + rtol * |numeric|} (defaults 1e-6, 1e-5). */
    public ParameterGradientCheck tolerance(double atol, double rtol) {
        this.absoluteTolerance = atol;
        this.relativeTolerance = rtol;
        return this;
    }

    /** Seed of the cotangent and of the sampled entries (reported on failure). */
    public ParameterGradientCheck seed(long value) {
        this.seed = value;
        return this;
    }

    /** Runs the check and returns the worst entry; does not throw. */
    public GradientCheckResult measure() {
        Parameter parameter = module.namedParameters().get(name);
        Tensor original = parameter.value();
        if (original.dtype() != DType.FLOAT64) {
            throw new InvalidArgumentException("ParameterGradientCheck(" + module + "." + name + "): the parameter must be"
                    + " FLOAT64 (call module.to(DType.FLOAT64) first), was " + original.dtype());
        }
        int[] shape = original.shape();
        double[] base = original.toDoubleArray();
        Rng rng = new Rng(seed);
        int[] checked = Arrays.copyOf(rng.permutation(base.length), Math.min(entries, base.length));
        try {
            module.zeroGrad();
            Tensor out;
            try (GradMode.Scope ignored = GradMode.enabled()) {
                out = output.get();
            }
            Tensor cotangent = Tensors.randn(rng, DType.FLOAT64, out.shape());
            out.mul(cotangent).sum().backward();
            double[] analytic = parameter.grad() == null ? new double[base.length] : parameter.grad().toDoubleArray();

            double worstExcess = Double.NEGATIVE_INFINITY;
            int worst = -1;
            double worstAnalytic = 0;
            double worstNumeric = 0;
            for (int j : checked) {
                double numeric = (loss(parameter, base, shape, j, eps, cotangent)
                        - loss(parameter, base, shape, j, -eps, cotangent)) / (2 * eps);
                double excess = Math.abs(analytic[j] - numeric) - (absoluteTolerance + relativeTolerance * Math.abs(numeric));
                if (excess > worstExcess || Double.isNaN(excess)) {
                    worstExcess = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                    worst = j;
                    worstAnalytic = analytic[j];
                    worstNumeric = numeric;
                }
            }
            String what = module + "." + name + " (" + checked.length + " of " + base.length + " entries)";
            return new GradientCheckResult(what, seed, eps, absoluteTolerance, relativeTolerance, List.of(
                    new GradientCheckResult.InputReport(0, shape, worst, worstAnalytic, worstNumeric, worstExcess <= 0)));
        } finally {
            parameter.set(original);
            module.zeroGrad();
        }
    }

    /** Runs the check and throws an {@link AssertionError} naming the parameter, entry and seed on failure. */
    public GradientCheckResult assertCorrect() {
        GradientCheckResult result = measure();
        if (!result.passed()) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    private double loss(Parameter parameter, double[] base, int[] shape, int entry, double delta, Tensor cotangent) {
        double[] shifted = base.clone();
        shifted[entry] += delta;
        parameter.set(Tensors.of(shifted, DType.FLOAT64, shape));
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return output.get().mul(cotangent).sum().item();
        }
    }

    @Override
    public String toString() {
        return "ParameterGradientCheck(" + module + "." + name + ")";
    }
}

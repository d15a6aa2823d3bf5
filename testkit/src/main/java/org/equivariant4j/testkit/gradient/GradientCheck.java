package org.equivariant4j.testkit.gradient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Finite-difference check of reverse-mode gradients, in float64.
 *
 * <p>For a function {@code f} of several inputs and a fixed random cotangent {@code r} (seeded),
 * compares the autodiff gradient of {@code L = sum(f(x) * r)} with central differences
 * {@code (L(x + eps e_j) - L(x - eps e_j)) / 2 eps} for every entry j of every input. Using a
 * random cotangent checks the whole vector-Jacobian product, not just the gradient of a sum.
 * Inputs must be FLOAT64 leaves; the function may permute, slice or broadcast them first to test
 * an op on non-contiguous or broadcast operands.
 *
 * <pre>{@code
 * GradientCheck.of("matmul", in -> in[0].matmul(in[1]), a, b).assertCorrect();
 * }</pre>
 */
public final class GradientCheck {
    private final String name;
    private final Function<Tensor[], Tensor> function;
    private final Tensor[] inputs;
    private double eps = 1e-6;
    private double absoluteTolerance = 1e-6;
    private double relativeTolerance = 1e-5;
    private long seed = 1234;
    private boolean[] differentiable;

    private GradientCheck(String name, Function<Tensor[], Tensor> function, Tensor[] inputs) {
        this.name = name;
        this.function = function;
        this.inputs = inputs.clone();
        this.differentiable = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            differentiable[i] = inputs[i].dtype().isFloating();
        }
    }

    /** A check of {@code function} at {@code inputs} (FLOAT64; integer inputs such as indices are held fixed). */
    public static GradientCheck of(String name, Function<Tensor[], Tensor> function, Tensor... inputs) {
        return new GradientCheck(name, function, inputs);
    }

    /** Finite-difference step (default 1e-6). */
    public GradientCheck eps(double value) {
        this.eps = value;
        return this;
    }

    /** Pass when {@code |analytic - numeric| <= atol + rtol * |numeric|} (defaults 1e-6, 1e-5). */
    public GradientCheck tolerance(double atol, double rtol) {
        this.absoluteTolerance = atol;
        this.relativeTolerance = rtol;
        return this;
    }

    /** Seed of the random cotangent (reported on failure). */
    public GradientCheck seed(long value) {
        this.seed = value;
        return this;
    }

    /** Holds input {@code index} fixed (e.g. a mask or a non-differentiable argument). */
    public GradientCheck constant(int index) {
        differentiable[index] = false;
        return this;
    }

    /**
     * The second-order check of the same function at the same inputs (same constants, seed and
     * tolerances): see {@link SecondOrderGradientCheck}.
     */
    public SecondOrderGradientCheck secondOrder() {
        return new SecondOrderGradientCheck(name, function, inputs, differentiable, seed, absoluteTolerance, relativeTolerance);
    }

    /** Runs the check and returns the worst discrepancy per input; does not throw. */
    public GradientCheckResult measure() {
        for (int i = 0; i < inputs.length; i++) {
            if (differentiable[i] && inputs[i].dtype() != DType.FLOAT64) {
                throw new InvalidArgumentException("GradientCheck(" + name + "): input " + i + " must be FLOAT64, was "
                        + inputs[i].dtype());
            }
        }
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = inputs[i].detach();
            if (differentiable[i]) {
                leaves[i].requiresGrad(true);
            }
        }
        Tensor out;
        try (GradMode.Scope ignored = GradMode.enabled()) {
            out = function.apply(leaves);
        }
        Tensor cotangent = Tensors.randn(new Rng(seed), DType.FLOAT64, out.shape());
        out.mul(cotangent).sum().backward();

        List<GradientCheckResult.InputReport> reports = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (!differentiable[i]) {
                continue;
            }
            double[] analytic = leaves[i].grad() == null ? new double[(int) inputs[i].numel()]
                    : leaves[i].grad().toDoubleArray();
            double[] base = inputs[i].toDoubleArray();
            double worstExcess = Double.NEGATIVE_INFINITY;
            int worst = -1;
            double worstAnalytic = 0;
            double worstNumeric = 0;
            for (int j = 0; j < base.length; j++) {
                double numeric = (loss(i, base, j, eps, cotangent) - loss(i, base, j, -eps, cotangent)) / (2 * eps);
                double excess = Math.abs(analytic[j] - numeric) - (absoluteTolerance + relativeTolerance * Math.abs(numeric));
                if (excess > worstExcess || Double.isNaN(excess)) {
                    worstExcess = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                    worst = j;
                    worstAnalytic = analytic[j];
                    worstNumeric = numeric;
                }
            }
            reports.add(new GradientCheckResult.InputReport(i, inputs[i].shape(), worst, worstAnalytic, worstNumeric,
                    worstExcess <= 0));
        }
        return new GradientCheckResult(name, seed, eps, absoluteTolerance, relativeTolerance, reports);
    }

    /** Runs the check and throws an {@link AssertionError} naming the op, input, entry and seed on failure. */
    public GradientCheckResult assertCorrect() {
        GradientCheckResult result = measure();
        if (!result.passed()) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    private double loss(int input, double[] base, int entry, double delta, Tensor cotangent) {
        double[] shifted = base.clone();
        shifted[entry] += delta;
        Tensor[] args = new Tensor[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            args[k] = k == input ? Tensors.of(shifted, DType.FLOAT64, inputs[k].shape()) : inputs[k].detach();
        }
        try (GradMode.Scope ignored = GradMode.disabled()) {
            return function.apply(args).mul(cotangent).sum().item();
        }
    }

    @Override
    public String toString() {
        return "GradientCheck(" + name + ", inputs " + Arrays.toString(Arrays.stream(inputs).map(t -> Arrays.toString(t.shape()))
                .toArray()) + ")";
    }
}

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
 * Finite-difference check of second-order gradients (gradients of gradients), in float64.
 *
 * <p>For a function {@code f} and fixed random tensors {@code r}, {@code s} of its output's shape
 * (seeded), takes {@code L(x) = <r, f(x)> + <s, f(x)^2> / 2} (the quadratic term makes the
 * upstream gradient of {@code f} depend on {@code x}, so that even a linear op's backward must be
 * recorded for the check to pass). Its gradient {@code G(x)} is computed with
 * {@code Tensor.grad(..., createGraph = true)}, and for a random direction {@code v} (one tensor
 * per input) the gradient of {@code <v, G(x)>}, that is the Hessian-vector product {@code H v},
 * is compared entry by entry with the central difference of the first gradient
 * {@code (G(x + eps v) - G(x - eps v)) / 2 eps}, where {@code G} is computed by the plain
 * first-order pass. It also checks that the create-graph gradient {@code G(x)} equals the
 * first-order one. Two gradient evaluations cover every entry of {@code H v}, so the check is
 * cheap; a wrong second derivative shows in {@code H v} for almost every {@code v}.
 *
 * <pre>{@code
 * GradientCheck.of("tanh", in -> in[0].tanh(), x).secondOrder().assertCorrect();
 * }</pre>
 */
public final class SecondOrderGradientCheck {
    private final String name;
    private final Function<Tensor[], Tensor> function;
    private final Tensor[] inputs;
    private final boolean[] differentiable;
    private long seed;
    private double eps = 1e-5;
    private double absoluteTolerance;
    private double relativeTolerance;

    SecondOrderGradientCheck(String name, Function<Tensor[], Tensor> function, Tensor[] inputs, boolean[] differentiable, long seed,
            double absoluteTolerance, double relativeTolerance) {
        this.name = name;
        this.function = function;
        this.inputs = inputs.clone();
        this.differentiable = differentiable.clone();
        this.seed = seed;
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    /** A check of {@code function} at {@code inputs} (FLOAT64; integer inputs are held fixed). */
    public static SecondOrderGradientCheck of(String name, Function<Tensor[], Tensor> function, Tensor... inputs) {
        return GradientCheck.of(name, function, inputs).secondOrder();
    }

    /**
     * Finite-difference step along {@code v} (default 1e-5: the central difference of a gradient
     * errs by about {@code eps^2} times the third derivative plus rounding of {@code 1e-16 / eps}
     * relative to the gradient, both near 1e-10 here, well under the default tolerance).
     */
    public SecondOrderGradientCheck eps(double value) {
        this.eps = value;
        return this;
    }

    /** Pass when {@code |analytic - numeric| <= atol + rtol * |numeric|} (defaults: the first-order check's, 1e-6 and 1e-5). */
    public SecondOrderGradientCheck tolerance(double atol, double rtol) {
        this.absoluteTolerance = atol;
        this.relativeTolerance = rtol;
        return this;
    }

    /** Seed of {@code r}, {@code s} and {@code v} (reported on failure). */
    public SecondOrderGradientCheck seed(long value) {
        this.seed = value;
        return this;
    }

    /** Holds input {@code index} fixed. */
    public SecondOrderGradientCheck constant(int index) {
        differentiable[index] = false;
        return this;
    }

    /** Runs the check; per differentiable input, the worst entry of the first gradient and of {@code H v}. Does not throw. */
    public GradientCheckResult measure() {
        List<Integer> wrt = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (differentiable[i]) {
                if (inputs[i].dtype() != DType.FLOAT64) {
                    throw new InvalidArgumentException("SecondOrderGradientCheck(" + name + "): input " + i
                            + " must be FLOAT64, was " + inputs[i].dtype());
                }
                wrt.add(i);
            }
        }
        Rng rng = new Rng(seed);
        int[] outShape;
        try (GradMode.Scope ignored = GradMode.disabled()) {
            outShape = function.apply(detached(inputs)).shape();
        }
        Tensor r = Tensors.randn(rng, DType.FLOAT64, outShape);
        Tensor s = Tensors.randn(rng, DType.FLOAT64, outShape);
        Tensor[] v = new Tensor[inputs.length];
        for (int i : wrt) {
            v[i] = Tensors.randn(rng, DType.FLOAT64, inputs[i].shape());
        }

        // Create-graph gradient G(x), then H v as the gradient of <v, G(x)>.
        Tensor[] leaves = leaves(inputs, wrt);
        List<Tensor> wrtLeaves = wrt.stream().map(i -> leaves[i]).toList();
        List<Tensor> graphGrads;
        try (GradMode.Scope ignored = GradMode.enabled()) {
            graphGrads = Tensor.grad(List.of(objective(leaves, r, s)), null, wrtLeaves, true, true);
        }
        Tensor hv = null;
        for (int k = 0; k < wrt.size(); k++) {
            Tensor term = graphGrads.get(k).mul(v[wrt.get(k)]).sum();
            hv = hv == null ? term : hv.add(term);
        }
        List<double[]> analytic = new ArrayList<>();
        if (hv.requiresGrad()) {
            for (Tensor t : Tensor.grad(List.of(hv), null, wrtLeaves, false, true)) {
                analytic.add(t.toDoubleArray());
            }
        } else {
            // No gradient depends on x: the Hessian is zero (or the backward was not recorded; the differences tell).
            for (int i : wrt) {
                analytic.add(new double[(int) inputs[i].numel()]);
            }
        }

        List<double[]> plain = firstOrderGradients(inputs, wrt, r, s, 0, v);
        List<double[]> plus = firstOrderGradients(inputs, wrt, r, s, eps, v);
        List<double[]> minus = firstOrderGradients(inputs, wrt, r, s, -eps, v);
        List<GradientCheckResult.InputReport> reports = new ArrayList<>();
        for (int k = 0; k < wrt.size(); k++) {
            int i = wrt.get(k);
            double[] numeric = new double[plus.get(k).length];
            for (int j = 0; j < numeric.length; j++) {
                numeric[j] = (plus.get(k)[j] - minus.get(k)[j]) / (2 * eps);
            }
            reports.add(report(i, "first gradient with createGraph vs without", graphGrads.get(k).toDoubleArray(), plain.get(k)));
            reports.add(report(i, "Hessian-vector product", analytic.get(k), numeric));
        }
        return new GradientCheckResult("second order of " + name, seed, eps, absoluteTolerance, relativeTolerance, reports);
    }

    /** Runs the check and throws an {@link AssertionError} naming the op, input, entry and seed on failure. */
    public GradientCheckResult assertCorrect() {
        GradientCheckResult result = measure();
        if (!result.passed()) {
            throw new AssertionError(result.describe());
        }
        return result;
    }

    private GradientCheckResult.InputReport report(int input, String what, double[] analytic, double[] numeric) {
        double worstExcess = Double.NEGATIVE_INFINITY;
        int worst = -1;
        for (int j = 0; j < numeric.length; j++) {
            double excess = Math.abs(analytic[j] - numeric[j]) - (absoluteTolerance + relativeTolerance * Math.abs(numeric[j]));
            if (excess > worstExcess || Double.isNaN(excess)) {
                worstExcess = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                worst = j;
            }
        }
        return new GradientCheckResult.InputReport(input, inputs[input].shape(), worst,
                worst < 0 ? 0 : analytic[worst], worst < 0 ? 0 : numeric[worst], worstExcess <= 0, what);
    }

    /** {@code <r, f> + <s, f^2> / 2} at {@code args}. */
    private Tensor objective(Tensor[] args, Tensor r, Tensor s) {
        Tensor out = function.apply(args);
        return out.mul(r).sum().add(out.mul(out).mul(s).sum().mul(0.5));
    }

    /** The plain first-order gradient of the objective at {@code x + delta v}, for each input in {@code wrt}. */
    private List<double[]> firstOrderGradients(Tensor[] base, List<Integer> wrt, Tensor r, Tensor s, double delta, Tensor[] v) {
        Tensor[] shifted = base.clone();
        if (delta != 0) {
            for (int i : wrt) {
                double[] x = base[i].toDoubleArray();
                double[] d = v[i].toDoubleArray();
                for (int j = 0; j < x.length; j++) {
                    x[j] += delta * d[j];
                }
                shifted[i] = Tensors.of(x, DType.FLOAT64, base[i].shape());
            }
        }
        Tensor[] leaves = leaves(shifted, wrt);
        List<double[]> out = new ArrayList<>();
        try (GradMode.Scope ignored = GradMode.enabled()) {
            Tensor objective = objective(leaves, r, s);
            for (Tensor g : Tensor.grad(List.of(objective), null, wrt.stream().map(i -> leaves[i]).toList(), false, true)) {
                out.add(g.toDoubleArray());
            }
        }
        return out;
    }

    private static Tensor[] leaves(Tensor[] values, List<Integer> wrt) {
        Tensor[] leaves = detached(values);
        for (int i : wrt) {
            leaves[i].requiresGrad(true);
        }
        return leaves;
    }

    private static Tensor[] detached(Tensor[] values) {
        Tensor[] out = new Tensor[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].detach();
        }
        return out;
    }

    @Override
    public String toString() {
        return "SecondOrderGradientCheck(" + name + ", inputs " + Arrays.toString(Arrays.stream(inputs)
                .map(t -> Arrays.toString(t.shape())).toArray()) + ")";
    }
}

package org.equivariant4j.testkit.gradient;

import java.util.Arrays;
import java.util.List;

/** The outcome of a {@link GradientCheck}: per differentiable input, the worst entry and whether it is within tolerance. */
public record GradientCheckResult(String name, long seed, double eps, double absoluteTolerance, double relativeTolerance,
        List<InputReport> inputs) {

    /** The worst entry of one input: its flat index, the autodiff and the finite-difference values. */
    public record InputReport(int input, int[] shape, int worstIndex, double analytic, double numeric, boolean passed,
            String quantity) {

        /** A report on the gradient itself (the first-order check's only quantity). */
        public InputReport(int input, int[] shape, int worstIndex, double analytic, double numeric, boolean passed) {
            this(input, shape, worstIndex, analytic, numeric, passed, "gradient");
        }

        @Override
        public String toString() {
            return "input " + input + " " + Arrays.toString(shape) + " (" + quantity + "): worst entry " + worstIndex
                    + " analytic=" + analytic + " numeric=" + numeric + (passed ? " ok" : " FAILED");
        }
    }

    public boolean passed() {
        return inputs.stream().allMatch(InputReport::passed);
    }

    /** Multi-line report for assertion messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder("gradient check of ").append(name).append(passed() ? " passed" : " failed")
                .append(" (seed ").append(seed).append(", eps ").append(eps).append(", tolerance ").append(absoluteTolerance)
                .append(" + ").append(relativeTolerance).append(" * |numeric|)");
        for (InputReport r : inputs) {
            sb.append("\n  ").append(r);
        }
        return sb.toString();
    }
}

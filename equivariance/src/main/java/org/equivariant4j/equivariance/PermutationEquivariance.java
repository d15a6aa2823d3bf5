package org.equivariant4j.equivariance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Measures equivariance under renumbering the elements of a set-like input (graph nodes, points of a
 * cloud): for an input x, a permutation π and a function f whose output has one row per element,
 * {@code f(π·x)} against {@code π·f(x)}, where π acts on output rows (features and, on point domains,
 * positions) by {@code row k <- row π[k]}. The input type is the caller's ({@code X}, e.g. a graph),
 * with its own permutation action, so the kit needs to know nothing about it.
 *
 * <pre>{@code
 * PermutationReport r = PermutationEquivariance.of("EGNN", (Graph g) -> GraphFields.pack(layer.forward(g)), Graph::permute)
 *         .measure(graph, PermutationEquivariance.random(graph.numNodes(), 5, seed));
 * r.assertWithin(Tolerance.defaultFor(DType.FLOAT64));
 * }</pre>
 *
 * @param <X> the input type
 */
public final class PermutationEquivariance<X> {
    private final String subject;
    private final Function<X, GeometricTensor> function;
    private final BiFunction<X, int[], X> permute;

    private PermutationEquivariance(String subject, Function<X, GeometricTensor> function, BiFunction<X, int[], X> permute) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.function = Objects.requireNonNull(function, "function");
        this.permute = Objects.requireNonNull(permute, "permute");
    }

    /**
     * A checker of {@code function}; {@code permute(x, order)} must renumber x so that new element k is old
     * element {@code order[k]}.
     */
    public static <X> PermutationEquivariance<X> of(String subject, Function<X, GeometricTensor> function,
            BiFunction<X, int[], X> permute) {
        return new PermutationEquivariance<>(subject, function, permute);
    }

    /** {@code count} uniformly random permutations of {@code n} elements, reproducible from {@code seed}. */
    public static List<int[]> random(int n, int count, long seed) {
        Rng rng = new Rng(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(rng.permutation(n));
        }
        return out;
    }

    /** {@code f(π·x)} against {@code π·f(x)} (rows reordered) for each permutation, in float64. */
    public PermutationReport measure(X input, List<int[]> permutations) {
        return compare(input, permutations, true);
    }

    /** {@code f(π·x)} against {@code f(x)}: for outputs that do not follow the elements (pooled, per-graph). */
    public PermutationReport measureInvariance(X input, List<int[]> permutations) {
        return compare(input, permutations, false);
    }

    private PermutationReport compare(X input, List<int[]> permutations, boolean equivariant) {
        if (permutations.isEmpty()) {
            throw new InvalidArgumentException(subject + ": needs at least one permutation");
        }
        List<PermutationReport.Entry> entries = new ArrayList<>();
        try (GradMode.Scope ignored = GradMode.disabled()) {
            GeometricTensor fx = function.apply(input);
            for (int[] order : permutations) {
                GeometricTensor actual = function.apply(permute.apply(input, order));
                double[] expectedValues;
                double[] actualValues = values(actual);
                if (equivariant) {
                    if (fx.tensor().size(0) != order.length) {
                        throw new InvalidArgumentException(subject + ": the output has " + fx.tensor().size(0)
                                + " rows but the permutation " + order.length + " entries; use measureInvariance for"
                                + " outputs that are not one row per element");
                    }
                    Tensor index = Tensors.of(order, order.length);
                    GeometricTensor moved = fx.positions() == null
                            ? GeometricTensor.of(fx.tensor().indexSelect(0, index), fx.type())
                            : GeometricTensor.ofPoints(fx.tensor().indexSelect(0, index),
                                    fx.positions().indexSelect(0, index), fx.type());
                    expectedValues = values(moved);
                } else {
                    expectedValues = values(fx);
                }
                if (expectedValues.length != actualValues.length) {
                    throw new IllegalStateException(subject + ": output sizes differ between x and a permuted x");
                }
                double maxError = 0;
                double maxExpected = 0;
                for (int i = 0; i < actualValues.length; i++) {
                    maxError = Math.max(maxError, Math.abs(actualValues[i] - expectedValues[i]));
                    maxExpected = Math.max(maxExpected, Math.abs(expectedValues[i]));
                }
                if (Double.isNaN(sum(actualValues))) {
                    maxError = Double.NaN;
                }
                entries.add(new PermutationReport.Entry(order.clone(), maxError, maxExpected));
            }
        }
        return new PermutationReport(subject, equivariant, entries);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Features then positions (if any), as float64. */
    private static double[] values(GeometricTensor t) {
        double[] f = t.tensor().toDoubleArray();
        if (t.positions() == null) {
            return f;
        }
        double[] p = t.positions().toDoubleArray();
        double[] out = new double[f.length + p.length];
        System.arraycopy(f, 0, out, 0, f.length);
        System.arraycopy(p, 0, out, f.length, p.length);
        return out;
    }

    @Override
    public String toString() {
        return "PermutationEquivariance(" + subject + ")";
    }
}

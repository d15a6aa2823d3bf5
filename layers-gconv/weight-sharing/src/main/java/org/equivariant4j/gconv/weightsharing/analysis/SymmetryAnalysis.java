package org.equivariant4j.gconv.weightsharing.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.GroupElement;

/**
 * What a set of learned weight-sharing matrices {@code [|G|][m][m]} has become: for each matrix its distance to the
 * nearest permutation (Hungarian assignment) and to the nearest element of a candidate group's permutation
 * representation (e.g. C4, D4 or C2 acting on the kernel grid), and, when the candidate has exactly |G| elements, the
 * one-to-one matching of matrices to elements that minimises the total distance (so "the four matrices are the four
 * rotations" is one number: the largest matched distance).
 */
public final class SymmetryAnalysis {

    private SymmetryAnalysis() {
    }

    /** One matrix against one candidate group. */
    public record Nearest(int matrix, String element, double distance) {
    }

    /** The analysis of all matrices against one candidate. */
    public record Candidate(String group, List<Nearest> nearest, List<Nearest> matched) {

        /** Largest per-matrix distance to the nearest element. */
        public double maxNearest() {
            return nearest.stream().mapToDouble(Nearest::distance).max().orElse(0);
        }

        /** Largest distance in the one-to-one matching, or NaN when the group's order differs from the number of matrices. */
        public double maxMatched() {
            return matched.isEmpty() ? Double.NaN : matched.stream().mapToDouble(Nearest::distance).max().orElse(0);
        }
    }

    /** Distance of each matrix to its nearest permutation. */
    public static double[] toPermutations(double[][][] matrices) {
        double[] out = new double[matrices.length];
        for (int g = 0; g < matrices.length; g++) {
            out[g] = MatrixDistances.toNearestPermutation(matrices[g]);
        }
        return out;
    }

    /**
     * Compares {@code matrices} with {@code representation[e]}, the permutation of element e of {@code group}
     * (e.g. {@code KernelPermutations.spatial(group, k)}).
     */
    public static Candidate against(FiniteGroup group, double[][][] representation, double[][][] matrices) {
        List<GroupElement> elements = group.elements();
        List<Nearest> nearest = new ArrayList<>();
        double[][] cost = new double[matrices.length][representation.length];
        for (int g = 0; g < matrices.length; g++) {
            MatrixDistances.Nearest n = MatrixDistances.toNearest(matrices[g], representation);
            nearest.add(new Nearest(g, elements.get(n.index()).toString(), n.distance()));
            for (int e = 0; e < representation.length; e++) {
                cost[g][e] = MatrixDistances.frobenius(matrices[g], representation[e]);
            }
        }
        List<Nearest> matched = new ArrayList<>();
        if (representation.length == matrices.length) {
            int[] match = Hungarian.solve(cost);
            for (int g = 0; g < matrices.length; g++) {
                matched.add(new Nearest(g, elements.get(match[g]).toString(), cost[g][match[g]]));
            }
        }
        return new Candidate(group.name(), nearest, matched);
    }

    /** One line per matrix: distance to the nearest permutation, then per candidate the nearest element and distance. */
    public static String table(double[] toPermutations, List<Candidate> candidates) {
        StringBuilder s = new StringBuilder("matrix  to permutation");
        for (Candidate c : candidates) {
            s.append(String.format(Locale.ROOT, "  nearest %-4s     distance", c.group()));
        }
        s.append('\n');
        for (int g = 0; g < toPermutations.length; g++) {
            s.append(String.format(Locale.ROOT, "%6d  %14.4f", g, toPermutations[g]));
            for (Candidate c : candidates) {
                Nearest n = c.nearest().get(g);
                s.append(String.format(Locale.ROOT, "  %-16s %8.4f", n.element(), n.distance()));
            }
            s.append('\n');
        }
        return s.toString();
    }
}

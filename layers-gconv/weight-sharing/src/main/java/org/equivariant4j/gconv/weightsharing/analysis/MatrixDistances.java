package org.equivariant4j.gconv.weightsharing.analysis;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * How far a learned (doubly stochastic) matrix A is from being a permutation, and from being a given group element's
 * permutation of the kernel. Distances are Frobenius norms {@code ||A - P||_F}: 0 at the permutation itself; the
 * uniform m x m doubly stochastic matrix is {@code sqrt(m - 1)} from every permutation (4.9 for a 5 x 5 kernel).
 */
public final class MatrixDistances {

    private MatrixDistances() {
    }

    /** The nearest permutation matrix: the assignment maximising {@code Σ_i A[i][σ(i)]} (which minimises the distance). */
    public static int[] nearestPermutation(double[][] a) {
        int n = a.length;
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i][j] = -a[i][j];
            }
        }
        return Hungarian.solve(cost);
    }

    /** {@code ||A - Π||_F} for the nearest permutation Π. */
    public static double toNearestPermutation(double[][] a) {
        return frobenius(a, permutationMatrix(nearestPermutation(a)));
    }

    /** The index of the candidate nearest to A, and its distance. */
    public static Nearest toNearest(double[][] a, double[][][] candidates) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int g = 0; g < candidates.length; g++) {
            double d = frobenius(a, candidates[g]);
            if (d < bestDistance) {
                bestDistance = d;
                best = g;
            }
        }
        return new Nearest(best, bestDistance);
    }

    /** Index of the nearest candidate and the distance to it. */
    public record Nearest(int index, double distance) {
    }

    /** {@code ||A - B||_F}. */
    public static double frobenius(double[][] a, double[][] b) {
        if (a.length != b.length) {
            throw new InvalidArgumentException("MatrixDistances: " + a.length + " rows versus " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i].length != b[i].length) {
                throw new InvalidArgumentException("MatrixDistances: row " + i + " has " + a[i].length + " versus " + b[i].length
                        + " entries");
            }
            for (int j = 0; j < a[i].length; j++) {
                double d = a[i][j] - b[i][j];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    /** The 0/1 matrix with a one at {@code [i][σ[i]]}. */
    public static double[][] permutationMatrix(int[] sigma) {
        double[][] p = new double[sigma.length][sigma.length];
        for (int i = 0; i < sigma.length; i++) {
            p[i][sigma[i]] = 1;
        }
        return p;
    }
}

package org.equivariant4j.gconv.weightsharing.analysis;

import org.equivariant4j.core.error.InvalidArgumentException;

import java.util.Arrays;

/**
 * Minimum-cost assignment of an n x n cost matrix (the Hungarian method with row and column potentials,
 * O(n³)): a permutation σ minimising {@code Σ_i cost[i][σ(i)]}. Pass negated weights to maximise.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /** σ with {@code σ[i]} the column assigned to row i. */
    public static int[] solve(double[][] cost) {
        int n = cost.length;
        for (double[] row : cost) {
            if (row.length != n) {
                throw new InvalidArgumentException("Hungarian: the cost matrix must be square, got " + n + " rows and a row of "
                        + row.length);
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new InvalidArgumentException("Hungarian: costs must be finite, got " + v);
                }
            }
        }
        // 1-based arrays with a virtual column 0; u, v are the dual potentials, p[j] the row matched to column j.
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        double[] minSlack = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            // Grow an alternating tree from row i until it reaches a free column, adjusting potentials on the way.
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double slack = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (slack < minSlack[j]) {
                            minSlack[j] = slack;
                            way[j] = j0;
                        }
                        if (minSlack[j] < delta) {
                            delta = minSlack[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            // Flip the augmenting path back to the root.
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= n; j++) {
            assignment[p[j] - 1] = j - 1;
        }
        return assignment;
    }
}

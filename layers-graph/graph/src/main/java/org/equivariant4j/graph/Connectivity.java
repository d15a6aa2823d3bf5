package org.equivariant4j.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Graph construction: fully connected, radius and k-nearest-neighbour edges, within each graph of a
 * batch. This is data preparation, run on the host once per topology (O(Σ n_g²) per batch); the
 * resulting {@link EdgeIndex} goes into {@link Graph#withEdges} or {@link Graph.Builder#edges}.
 * Edges are listed receiver-major: all incoming edges of node 0, then of node 1, ...
 */
public final class Connectivity {

    private Connectivity() {
    }

    /** Every ordered pair of distinct nodes in each graph ({@code selfLoops} adds i → i). */
    public static EdgeIndex fullyConnected(int[] graphSizes, boolean selfLoops) {
        int total = 0;
        for (int n : graphSizes) {
            if (n < 0) {
                throw new InvalidArgumentException("Connectivity.fullyConnected: negative graph size in "
                        + Arrays.toString(graphSizes));
            }
            total += selfLoops ? n * n : n * (n - 1);
        }
        int[] s = new int[total];
        int[] r = new int[total];
        int e = 0;
        int offset = 0;
        for (int n : graphSizes) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j || selfLoops) {
                        r[e] = offset + i;
                        s[e] = offset + j;
                        e++;
                    }
                }
            }
            offset += n;
        }
        return new EdgeIndex(s, r);
    }

    /** {@code graphs} fully connected graphs of {@code nodes} nodes each, without self loops. */
    public static EdgeIndex fullyConnected(int graphs, int nodes) {
        int[] sizes = new int[graphs];
        Arrays.fill(sizes, nodes);
        return fullyConnected(sizes, false);
    }

    /** Edges j → i between distinct nodes of one graph with {@code |p_i - p_j| <= radius}. */
    public static EdgeIndex radius(Tensor positions, int[] batch, double radius) {
        if (!(radius >= 0)) {
            throw new InvalidArgumentException("Connectivity.radius: radius must be >= 0, got " + radius);
        }
        double[][] p = rows(positions, batch, "radius");
        double r2 = radius * radius;
        List<int[]> pairs = new ArrayList<>();
        for (int[] members : members(batch)) {
            for (int i : members) {
                for (int j : members) {
                    if (i != j && squaredDistance(p[i], p[j]) <= r2) {
                        pairs.add(new int[] {j, i});
                    }
                }
            }
        }
        return fromPairs(pairs);
    }

    /**
     * For each node, edges from its {@code k} nearest other nodes of the same graph (all of them when the
     * graph is smaller); equal distances are broken by the lower node index.
     */
    public static EdgeIndex knn(Tensor positions, int[] batch, int k) {
        if (k < 0) {
            throw new InvalidArgumentException("Connectivity.knn: k must be >= 0, got " + k);
        }
        double[][] p = rows(positions, batch, "knn");
        List<int[]> pairs = new ArrayList<>();
        for (int[] members : members(batch)) {
            for (int i : members) {
                Integer[] others = Arrays.stream(members).filter(j -> j != i).boxed().toArray(Integer[]::new);
                Arrays.sort(others, (a, b) -> {
                    int c = Double.compare(squaredDistance(p[i], p[a]), squaredDistance(p[i], p[b]));
                    return c != 0 ? c : Integer.compare(a, b);
                });
                for (int m = 0; m < Math.min(k, others.length); m++) {
                    pairs.add(new int[] {others[m], i});
                }
            }
        }
        return fromPairs(pairs);
    }

    private static double[][] rows(Tensor positions, int[] batch, String op) {
        int[] s = positions.shape();
        if (s.length != 2 || s[0] != batch.length) {
            throw new ShapeMismatchException("Connectivity." + op + ": expected positions [" + batch.length + ", n] but was "
                    + Arrays.toString(s));
        }
        double[] flat = positions.toDoubleArray();
        double[][] out = new double[s[0]][s[1]];
        for (int i = 0; i < s[0]; i++) {
            System.arraycopy(flat, i * s[1], out[i], 0, s[1]);
        }
        return out;
    }

    /** Node indices of each graph, in increasing order. */
    private static List<int[]> members(int[] batch) {
        int graphs = Arrays.stream(batch).max().orElse(-1) + 1;
        int[] counts = new int[graphs];
        for (int b : batch) {
            counts[b]++;
        }
        List<int[]> out = new ArrayList<>();
        int[] fill = new int[graphs];
        for (int g = 0; g < graphs; g++) {
            out.add(new int[counts[g]]);
        }
        for (int i = 0; i < batch.length; i++) {
            out.get(batch[i])[fill[batch[i]]++] = i;
        }
        return out;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double d = 0;
        for (int k = 0; k < a.length; k++) {
            double t = a[k] - b[k];
            d += t * t;
        }
        return d;
    }

    private static EdgeIndex fromPairs(List<int[]> pairs) {
        pairs.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
        int[] s = new int[pairs.size()];
        int[] r = new int[pairs.size()];
        for (int e = 0; e < s.length; e++) {
            s[e] = pairs.get(e)[0];
            r[e] = pairs.get(e)[1];
        }
        return new EdgeIndex(s, r);
    }
}

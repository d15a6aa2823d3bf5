package org.equivariant4j.pointcloud;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.graph.EdgeIndex;

/**
 * k-nearest-neighbour edges between two point sets of the same batch of clouds: for every query point, edges from
 * its {@code k} nearest reference points of the same cloud (all of them when the cloud has fewer), sender = reference,
 * receiver = query, listed receiver-major, equal distances broken by the lower reference index. This is the bipartite
 * construction point→grid message passing needs (the graph module's {@code Connectivity.knn} builds edges within one
 * node set only).
 *
 * <p>Host-side data preparation, run once per topology: an exact scan of the cloud's references per query keeping the
 * best k in a sorted buffer, O(n_q · n_r · k) worst case, parallel over queries. For the few thousand points and the
 * 9³ grid of gridification this is milliseconds; {@link #within} (a cloud against itself, the point-native kNN
 * graph) is quadratic in the cloud size, about a second for 16k points.
 */
public final class NearestNeighbours {

    private NearestNeighbours() {
    }

    /**
     * Edges to each query from its {@code k} nearest references of the same cloud.
     *
     * @param queries {@code [Q, 3]} positions of the receivers
     * @param queryCloud cloud of each query
     * @param references {@code [R, 3]} positions of the senders
     * @param referenceCloud cloud of each reference
     */
    public static EdgeIndex bipartite(Tensor queries, int[] queryCloud, Tensor references, int[] referenceCloud, int k) {
        return search(rows(queries, queryCloud, "queries"), queryCloud, rows(references, referenceCloud, "references"),
                referenceCloud, k, false);
    }

    /** As {@link #bipartite(Tensor, int[], Tensor, int[], int)} on row-major {@code double[3 n]} positions. */
    public static EdgeIndex bipartite(double[] queries, int[] queryCloud, double[] references, int[] referenceCloud, int k) {
        check(queries, queryCloud, "queries");
        check(references, referenceCloud, "references");
        return search(queries, queryCloud, references, referenceCloud, k, false);
    }

    /**
     * The kNN graph of a batch of clouds: edges to each point from its {@code k} nearest other points of its cloud
     * (the same edges as the graph module's {@code Connectivity.knn}, built by a scan with a k-buffer instead of a
     * full sort per node, which matters at 16k points).
     */
    public static EdgeIndex within(PointCloud cloud, int k) {
        double[] p = cloud.positions().toDoubleArray();
        int[] b = cloud.batch();
        return search(p, b, p, b, k, true);
    }

    private static EdgeIndex search(double[] q, int[] qc, double[] r, int[] rc, int k, boolean excludeSelf) {
        if (k < 0) {
            throw new InvalidArgumentException("NearestNeighbours: k must be >= 0, got " + k);
        }
        int clouds = Math.max(Arrays.stream(qc).max().orElse(-1), Arrays.stream(rc).max().orElse(-1)) + 1;
        int[][] members = members(rc, clouds);
        int nq = qc.length;
        int[] count = new int[nq];
        for (int i = 0; i < nq; i++) {
            if (qc[i] < 0) {
                throw new InvalidArgumentException("NearestNeighbours: negative cloud " + qc[i] + " at query " + i);
            }
            count[i] = Math.min(k, members[qc[i]].length - (excludeSelf ? 1 : 0));
        }
        int[] offset = new int[nq + 1];
        for (int i = 0; i < nq; i++) {
            offset[i + 1] = offset[i] + count[i];
        }
        int[] senders = new int[offset[nq]];
        int[] receivers = new int[offset[nq]];
        IntStream.range(0, nq).parallel().forEach(i -> {
            int m = count[i];
            if (m == 0) {
                return;
            }
            double[] bestD = new double[m];
            int[] bestJ = new int[m];
            Arrays.fill(bestD, Double.POSITIVE_INFINITY);
            Arrays.fill(bestJ, Integer.MAX_VALUE);
            double x = q[3 * i];
            double y = q[3 * i + 1];
            double z = q[3 * i + 2];
            for (int j : members[qc[i]]) {
                if (excludeSelf && j == i) {
                    continue;
                }
                double dx = r[3 * j] - x;
                double dy = r[3 * j + 1] - y;
                double dz = r[3 * j + 2] - z;
                double d = dx * dx + dy * dy + dz * dz;
                // members are scanned in increasing index, so a strict < keeps the lower index among equals
                if (d < bestD[m - 1]) {
                    int at = m - 1;
                    while (at > 0 && bestD[at - 1] > d) {
                        bestD[at] = bestD[at - 1];
                        bestJ[at] = bestJ[at - 1];
                        at--;
                    }
                    bestD[at] = d;
                    bestJ[at] = j;
                }
            }
            Arrays.sort(bestJ);
            for (int t = 0; t < m; t++) {
                senders[offset[i] + t] = bestJ[t];
                receivers[offset[i] + t] = i;
            }
        });
        return new EdgeIndex(senders, receivers);
    }

    private static int[][] members(int[] cloud, int clouds) {
        int[] counts = new int[clouds];
        for (int i = 0; i < cloud.length; i++) {
            if (cloud[i] < 0) {
                throw new InvalidArgumentException("NearestNeighbours: negative cloud " + cloud[i] + " at reference " + i);
            }
            counts[cloud[i]]++;
        }
        int[][] out = new int[clouds][];
        for (int c = 0; c < clouds; c++) {
            out[c] = new int[counts[c]];
        }
        int[] fill = new int[clouds];
        for (int i = 0; i < cloud.length; i++) {
            out[cloud[i]][fill[cloud[i]]++] = i;
        }
        return out;
    }

    private static double[] rows(Tensor positions, int[] cloud, String what) {
        int[] s = positions.shape();
        if (s.length != 2 || s[1] != 3 || s[0] != cloud.length) {
            throw new ShapeMismatchException("NearestNeighbours: expected " + what + " [" + cloud.length + ", 3] but was "
                    + Arrays.toString(s));
        }
        return positions.toDoubleArray();
    }

    private static void check(double[] positions, int[] cloud, String what) {
        if (positions.length != 3 * cloud.length) {
            throw new ShapeMismatchException("NearestNeighbours: expected " + what + " of " + 3 * cloud.length
                    + " coordinates (" + cloud.length + " points) but got " + positions.length);
        }
    }
}

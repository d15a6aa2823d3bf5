package org.equivariant4j.graph.empcn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.graph.Graph;

/**
 * Lifts a graph to a {@link CellComplex}: every pair of nodes joined by a graph edge (in either
 * direction) becomes one edge cell; every simple cycle of length 3 to {@code maxRingLength} becomes a
 * ring (2-cell), optionally only the chordless (induced) ones, as the ring lifting of cellular networks
 * does for molecules. A cycle is found once, from its smallest node, in the direction of its smaller
 * neighbour. Host-side data preparation, linear in the number of cycles; graphs of a batch are never
 * joined because graph edges never cross graphs.
 */
public final class CellLifting {
    private final int maxRingLength;
    private final boolean chordless;

    private CellLifting(int maxRingLength, boolean chordless) {
        if (maxRingLength < 3) {
            throw new InvalidArgumentException("CellLifting: rings have at least 3 nodes, got a maximal length of "
                    + maxRingLength);
        }
        this.maxRingLength = maxRingLength;
        this.chordless = chordless;
    }

    /** Rings of length 3 to {@code maxRingLength}; only chordless ones when {@code chordless}. */
    public static CellLifting rings(int maxRingLength, boolean chordless) {
        return new CellLifting(maxRingLength, chordless);
    }

    /** Only the triangles (3-cycles). */
    public static CellLifting triangles() {
        return new CellLifting(3, false);
    }

    public int maxRingLength() {
        return maxRingLength;
    }

    public boolean chordless() {
        return chordless;
    }

    /** The complex of {@code graph}'s topology (positions are not read). */
    public CellComplex lift(Graph graph) {
        return lift(graph.numNodes(), graph.edges());
    }

    /** The complex of {@code n} nodes joined by {@code edges}. */
    public CellComplex lift(int n, EdgeIndex edges) {
        int[] s = edges.senders();
        int[] r = edges.receivers();
        Map<Long, Integer> cellOf = new HashMap<>();
        List<int[]> cells = new ArrayList<>();
        int[] cellOfGraphEdge = new int[s.length];
        List<List<Integer>> neighbours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            neighbours.add(new ArrayList<>());
        }
        for (int e = 0; e < s.length; e++) {
            if (s[e] == r[e]) {
                throw new InvalidArgumentException("CellLifting: self-loop at node " + s[e] + " (edge " + e
                        + "); a CW complex has no 1-cell from a node to itself here");
            }
            int a = Math.min(s[e], r[e]);
            int b = Math.max(s[e], r[e]);
            long key = (long) a * n + b;
            Integer id = cellOf.get(key);
            if (id == null) {
                id = cells.size();
                cellOf.put(key, id);
                cells.add(new int[] {a, b});
                neighbours.get(a).add(b);
                neighbours.get(b).add(a);
            }
            cellOfGraphEdge[e] = id;
        }
        int m = cells.size();
        int[] first = new int[m];
        int[] second = new int[m];
        for (int c = 0; c < m; c++) {
            first[c] = cells.get(c)[0];
            second[c] = cells.get(c)[1];
        }
        for (List<Integer> nb : neighbours) {
            nb.sort(null);
        }

        List<int[]> rings = new ArrayList<>();
        int[] path = new int[maxRingLength];
        boolean[] onPath = new boolean[n];
        for (int start = 0; start < n; start++) {
            path[0] = start;
            onPath[start] = true;
            extend(start, 1, path, onPath, neighbours, cellOf, n, rings);
            onPath[start] = false;
        }

        int total = rings.stream().mapToInt(x -> x.length).sum();
        int[] ringEdge = new int[total];
        int[] ringOfPair = new int[total];
        int[] ringNode = new int[total];
        int[] lengths = new int[rings.size()];
        int q = 0;
        for (int k = 0; k < rings.size(); k++) {
            int[] ring = rings.get(k);
            lengths[k] = ring.length;
            for (int i = 0; i < ring.length; i++) {
                int a = ring[i];
                int b = ring[(i + 1) % ring.length];
                ringEdge[q] = cellOf.get((long) Math.min(a, b) * n + Math.max(a, b));
                ringOfPair[q] = k;
                ringNode[q] = a;
                q++;
            }
        }
        return new CellComplex(n, first, second, ringEdge, ringOfPair, ringNode, lengths, cellOfGraphEdge);
    }

    private void extend(int start, int length, int[] path, boolean[] onPath, List<List<Integer>> neighbours,
            Map<Long, Integer> cellOf, int n, List<int[]> rings) {
        int last = path[length - 1];
        for (int next : neighbours.get(last)) {
            if (next == start && length >= 3 && path[1] < last) {
                int[] ring = java.util.Arrays.copyOf(path, length);
                if (!chordless || isChordless(ring, cellOf, n)) {
                    rings.add(ring);
                }
            } else if (next > start && !onPath[next] && length < maxRingLength) {
                path[length] = next;
                onPath[next] = true;
                extend(start, length + 1, path, onPath, neighbours, cellOf, n, rings);
                onPath[next] = false;
            }
        }
    }

    private static boolean isChordless(int[] ring, Map<Long, Integer> cellOf, int n) {
        int k = ring.length;
        for (int i = 0; i < k; i++) {
            for (int j = i + 2; j < k; j++) {
                if (i == 0 && j == k - 1) {
                    continue;
                }
                int a = Math.min(ring[i], ring[j]);
                int b = Math.max(ring[i], ring[j]);
                if (cellOf.containsKey((long) a * n + b)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "CellLifting(rings up to " + maxRingLength + (chordless ? ", chordless" : "") + ")";
    }
}

package org.equivariant4j.graph.empcn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.equivariant4j.graph.Connectivity;
import org.equivariant4j.graph.EdgeIndex;
import org.junit.jupiter.api.Test;

class CellLiftingTest {

    /** Undirected edges given as pairs, both directions. */
    private static EdgeIndex undirected(int... pairs) {
        int k = pairs.length / 2;
        int[] s = new int[2 * k];
        int[] r = new int[2 * k];
        for (int i = 0; i < k; i++) {
            s[2 * i] = pairs[2 * i];
            r[2 * i] = pairs[2 * i + 1];
            s[2 * i + 1] = pairs[2 * i + 1];
            r[2 * i + 1] = pairs[2 * i];
        }
        return new EdgeIndex(s, r);
    }

    private static Set<String> ringSets(CellComplex c) {
        Set<String> out = new HashSet<>();
        for (int r = 0; r < c.numRings(); r++) {
            int[] nodes = c.ringNodes(r).clone();
            Arrays.sort(nodes);
            out.add(Arrays.toString(nodes));
        }
        return out;
    }

    @Test
    void completeGraphOnFourNodesHasSixEdgesAndFourTriangles() {
        CellComplex c = CellLifting.triangles().lift(4, Connectivity.fullyConnected(1, 4));
        assertThat(c.numEdges()).isEqualTo(6);
        assertThat(c.numRings()).isEqualTo(4);
        assertThat(c.ringLengths()).containsOnly(3);
        assertThat(ringSets(c)).containsExactlyInAnyOrder("[0, 1, 2]", "[0, 1, 3]", "[0, 2, 3]", "[1, 2, 3]");
        assertThat(c.numRingIncidences()).isEqualTo(12);
        // binomial(5, 3) triangles in the N-body graphs
        assertThat(CellLifting.triangles().lift(5, Connectivity.fullyConnected(1, 5)).numRings()).isEqualTo(10);
    }

    @Test
    void longerCyclesAreRingsUnlessTheyHaveAChord() {
        EdgeIndex k4 = Connectivity.fullyConnected(1, 4);
        assertThat(CellLifting.rings(4, false).lift(4, k4).numRings()).isEqualTo(4 + 3);
        assertThat(CellLifting.rings(4, true).lift(4, k4).numRings()).isEqualTo(4);
        // a square with one diagonal: two triangles; the 4-cycle has a chord
        EdgeIndex squareWithDiagonal = undirected(0, 1, 1, 2, 2, 3, 3, 0, 0, 2);
        CellComplex chordless = CellLifting.rings(6, true).lift(4, squareWithDiagonal);
        assertThat(ringSets(chordless)).containsExactlyInAnyOrder("[0, 1, 2]", "[0, 2, 3]");
        assertThat(CellLifting.rings(6, false).lift(4, squareWithDiagonal).numRings()).isEqualTo(3);
        // a hexagon (benzene) is one ring of length 6, found only when the maximal length allows it
        EdgeIndex hexagon = undirected(0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0);
        assertThat(CellLifting.rings(6, true).lift(6, hexagon).ringLengths()).containsExactly(6);
        assertThat(CellLifting.rings(5, true).lift(6, hexagon).numRings()).isZero();
    }

    @Test
    void ringNodesGoAroundTheRingAndItsBoundaryEdgesJoinConsecutiveNodes() {
        EdgeIndex pentagon = undirected(0, 1, 1, 2, 2, 3, 3, 4, 4, 0);
        CellComplex c = CellLifting.rings(5, true).lift(5, pentagon);
        int[] nodes = c.ringNodes(0);
        int[][] ends = c.edgeNodes();
        long[] boundary = c.ringBoundaryEdge().toLongArray();
        for (int i = 0; i < nodes.length; i++) {
            int a = nodes[i];
            int b = nodes[(i + 1) % nodes.length];
            int e = (int) boundary[i];
            assertThat(List.of(ends[0][e], ends[1][e])).containsExactlyInAnyOrder(a, b);
        }
    }

    @Test
    void directedGraphEdgesShareTheirEdgeCellAndGraphsOfABatchStayApart() {
        EdgeIndex two = Connectivity.fullyConnected(new int[] {3, 4}, false);
        CellComplex c = CellLifting.triangles().lift(7, two);
        assertThat(c.numEdges()).isEqualTo(3 + 6);
        assertThat(c.numRings()).isEqualTo(1 + 4);
        int[] cell = c.cellOfGraphEdgeHost();
        int[] s = two.senders();
        int[] r = two.receivers();
        int[][] ends = c.edgeNodes();
        for (int e = 0; e < s.length; e++) {
            assertThat(ends[0][cell[e]]).isEqualTo(Math.min(s[e], r[e]));
            assertThat(ends[1][cell[e]]).isEqualTo(Math.max(s[e], r[e]));
        }
        List<Integer> counts = new ArrayList<>();
        for (int m = 0; m < c.numEdges(); m++) {
            int count = 0;
            for (int v : cell) {
                count += v == m ? 1 : 0;
            }
            counts.add(count);
        }
        assertThat(counts).containsOnly(2);
        for (int ring = 0; ring < c.numRings(); ring++) {
            int[] nodes = c.ringNodes(ring);
            boolean first = nodes[0] < 3;
            for (int v : nodes) {
                assertThat(v < 3).isEqualTo(first);
            }
        }
    }

    @Test
    void refusesSelfLoopsAndRingsShorterThanThree() {
        assertThatThrownBy(() -> CellLifting.triangles().lift(2, new EdgeIndex(new int[] {0, 1}, new int[] {1, 1})))
                .hasMessageContaining("self-loop at node 1");
        assertThatThrownBy(() -> CellLifting.rings(2, true)).hasMessageContaining("at least 3");
    }
}

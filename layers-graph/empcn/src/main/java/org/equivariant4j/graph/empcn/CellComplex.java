package org.equivariant4j.graph.empcn;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A batch of graphs lifted to a 2-dimensional CW complex: cells of rank 0 (the nodes), rank 1 (the
 * undirected edges) and rank 2 (rings: cycles of the graph up to a maximal length), with the incidence
 * relations between cells of adjacent ranks as INT64 index tensors, so a layer gathers, runs one MLP
 * over all pairs of a relation and aggregates with one segment sum. Built once per topology by
 * {@link CellLifting} (host-side); the host arrays are kept for inspection.
 *
 * <ul>
 *   <li>edge cell m joins nodes {@link #edgeFirst()}[m] and {@link #edgeSecond()}[m];</li>
 *   <li>node–edge incidence: pair p joins node {@link #incidenceNode()}[p] and edge cell
 *       {@link #incidenceEdge()}[p] (the boundary of an edge; read backwards, the co-boundary of a node);</li>
 *   <li>edge–ring incidence: pair q joins edge cell {@link #ringBoundaryEdge()}[q] and ring
 *       {@link #ringBoundaryRing()}[q]; the ring's nodes are {@link #ringNode()}[q] (ring {@code ringBoundaryRing()[q]}),
 *       one per boundary edge, as a ring of length k has k nodes and k edges;</li>
 *   <li>node adjacency through an edge cell: the graph's directed edge e lies on edge cell
 *       {@link #cellOfGraphEdge()}[e] (upper adjacency of the two nodes).</li>
 * </ul>
 */
public final class CellComplex {
    private final int nodes;
    private final int[] edgeFirstHost;
    private final int[] edgeSecondHost;
    private final int[] ringEdgeHost;
    private final int[] ringOfPairHost;
    private final int[] ringNodeHost;
    private final int[] cellOfGraphEdgeHost;
    private final int[] ringLengths;
    private final Tensor edgeFirst;
    private final Tensor edgeSecond;
    private final Tensor incidenceNode;
    private final Tensor incidenceEdge;
    private final Tensor ringBoundaryEdge;
    private final Tensor ringBoundaryRing;
    private final Tensor ringNode;
    private final Tensor cellOfGraphEdge;

    CellComplex(int nodes, int[] edgeFirst, int[] edgeSecond, int[] ringEdge, int[] ringOfPair, int[] ringNode,
            int[] ringLengths, int[] cellOfGraphEdge) {
        this.nodes = nodes;
        this.edgeFirstHost = edgeFirst;
        this.edgeSecondHost = edgeSecond;
        this.ringEdgeHost = ringEdge;
        this.ringOfPairHost = ringOfPair;
        this.ringNodeHost = ringNode;
        this.ringLengths = ringLengths;
        this.cellOfGraphEdgeHost = cellOfGraphEdge;
        int m = edgeFirst.length;
        int[] incNode = new int[2 * m];
        int[] incEdge = new int[2 * m];
        for (int e = 0; e < m; e++) {
            incNode[2 * e] = edgeFirst[e];
            incNode[2 * e + 1] = edgeSecond[e];
            incEdge[2 * e] = e;
            incEdge[2 * e + 1] = e;
        }
        this.edgeFirst = index(edgeFirst);
        this.edgeSecond = index(edgeSecond);
        this.incidenceNode = index(incNode);
        this.incidenceEdge = index(incEdge);
        this.ringBoundaryEdge = index(ringEdge);
        this.ringBoundaryRing = index(ringOfPair);
        this.ringNode = index(ringNode);
        this.cellOfGraphEdge = index(cellOfGraphEdge);
    }

    private static Tensor index(int[] values) {
        return Tensors.of(values, values.length);
    }

    /** Cells of rank 0. */
    public int numNodes() {
        return nodes;
    }

    /** Cells of rank 1. */
    public int numEdges() {
        return edgeFirstHost.length;
    }

    /** Cells of rank 2. */
    public int numRings() {
        return ringLengths.length;
    }

    /** Number of cells of {@code rank} (0, 1 or 2). */
    public int numCells(int rank) {
        return switch (rank) {
            case 0 -> numNodes();
            case 1 -> numEdges();
            case 2 -> numRings();
            default -> throw new InvalidArgumentException("CellComplex: ranks are 0, 1 and 2, not " + rank);
        };
    }

    /** Length (number of nodes = number of boundary edges) of each ring. */
    public int[] ringLengths() {
        return ringLengths.clone();
    }

    /** Edge-ring incidence pairs (the sum of the ring lengths). */
    public int numRingIncidences() {
        return ringEdgeHost.length;
    }

    /** Host copy: the two nodes of each edge cell, first the smaller index. */
    public int[][] edgeNodes() {
        return new int[][] {edgeFirstHost.clone(), edgeSecondHost.clone()};
    }

    /** Host copy: the nodes of ring r in cyclic order. */
    public int[] ringNodes(int r) {
        int count = 0;
        int[] out = new int[ringLengths[r]];
        for (int q = 0; q < ringOfPairHost.length; q++) {
            if (ringOfPairHost[q] == r) {
                out[count++] = ringNodeHost[q];
            }
        }
        return out;
    }

    /** Host copy: the edge cell of each directed graph edge. */
    public int[] cellOfGraphEdgeHost() {
        return cellOfGraphEdgeHost.clone();
    }

    public Tensor edgeFirst() {
        return edgeFirst;
    }

    public Tensor edgeSecond() {
        return edgeSecond;
    }

    public Tensor incidenceNode() {
        return incidenceNode;
    }

    public Tensor incidenceEdge() {
        return incidenceEdge;
    }

    public Tensor ringBoundaryEdge() {
        return ringBoundaryEdge;
    }

    public Tensor ringBoundaryRing() {
        return ringBoundaryRing;
    }

    public Tensor ringNode() {
        return ringNode;
    }

    public Tensor cellOfGraphEdge() {
        return cellOfGraphEdge;
    }

    @Override
    public String toString() {
        return "CellComplex(" + numNodes() + " nodes, " + numEdges() + " edges, " + numRings() + " rings)";
    }
}

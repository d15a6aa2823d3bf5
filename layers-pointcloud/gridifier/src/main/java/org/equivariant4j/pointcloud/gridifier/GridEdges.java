package org.equivariant4j.pointcloud.gridifier;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.graph.EdgeIndex;
import org.equivariant4j.pointcloud.EdgeUnion;
import org.equivariant4j.pointcloud.NearestNeighbours;
import org.equivariant4j.pointcloud.PointCloud;

/**
 * The bipartite edges between a batch of clouds and its grids (one grid per cloud, node {@code g} of cloud
 * {@code b} numbered {@code b · G + g}), as in the reference: the union of "the {@code k} nearest points of each
 * grid node" and "the {@code k} nearest grid nodes of each point", coalesced, so every point reaches the grid and
 * every node near the surface hears from it. {@link #toGrid()} carries messages point → node (gridification),
 * {@link #toPoints()} the same pairs node → point (de-gridification). Host-side, built once per batch of clouds.
 */
public final class GridEdges {
    private final Grid grid;
    private final int numClouds;
    private final int numPoints;
    private final EdgeIndex toGrid;
    private final Tensor pointIndex;
    private final Tensor nodeIndex;
    private final GridEdges nearestNodes;
    private Tensor nodePositions;

    private GridEdges(Grid grid, int numClouds, int numPoints, EdgeIndex toGrid, EdgeIndex nearestNodes) {
        this.grid = grid;
        this.numClouds = numClouds;
        this.numPoints = numPoints;
        this.toGrid = toGrid;
        this.pointIndex = Tensors.of(toGrid.senders(), toGrid.size());
        this.nodeIndex = Tensors.of(toGrid.receivers(), toGrid.size());
        this.nearestNodes = nearestNodes == null ? this : new GridEdges(grid, numClouds, numPoints, nearestNodes, null);
    }

    /** The coalesced kNN edges between {@code cloud} and {@code grid} with {@code k} neighbours each way. */
    public static GridEdges of(PointCloud cloud, Grid grid, int k) {
        if (k <= 0) {
            throw new InvalidArgumentException("GridEdges: k must be positive, got " + k);
        }
        int clouds = cloud.numClouds();
        int[] nodeCloud = new int[clouds * grid.nodes()];
        for (int i = 0; i < nodeCloud.length; i++) {
            nodeCloud[i] = i / grid.nodes();
        }
        double[] nodes = grid.positions(clouds, cloud.dtype()).toDoubleArray();
        double[] points = cloud.positions().toDoubleArray();
        int[] pointCloud = cloud.batch();
        // the k nearest points of each node: sender point, receiver node
        EdgeIndex fromNodes = NearestNeighbours.bipartite(nodes, nodeCloud, points, pointCloud, k);
        // the k nearest nodes of each point: sender node, receiver point; reversed to point -> node
        EdgeIndex fromPoints = EdgeUnion.reversed(NearestNeighbours.bipartite(points, pointCloud, nodes, nodeCloud, k));
        return new GridEdges(grid, clouds, cloud.numPoints(),
                EdgeUnion.of(cloud.numPoints(), nodeCloud.length, fromNodes, fromPoints),
                EdgeUnion.of(cloud.numPoints(), nodeCloud.length, fromPoints));
    }

    public Grid grid() {
        return grid;
    }

    public int numClouds() {
        return numClouds;
    }

    public int numPoints() {
        return numPoints;
    }

    /** Grid nodes over the batch, {@code numClouds · G}. */
    public int numNodes() {
        return numClouds * grid.nodes();
    }

    public int numEdges() {
        return toGrid.size();
    }

    /**
     * Only the "k nearest nodes of each point" half of the edges (point → node, coalesced order), for a
     * de-gridification that reads every point from its own neighbourhood of the grid: in the union, a point of a
     * sparse cloud also hears from every distant node whose k nearest points include it (with 128 points and 729
     * nodes, about 50 nodes per point instead of 9). The same object when these are already all the edges.
     */
    public GridEdges nearestNodes() {
        return nearestNodes;
    }

    /** Edges point → node (senders are points, receivers nodes). */
    public EdgeIndex toGrid() {
        return toGrid;
    }

    /** The same pairs node → point. */
    public EdgeIndex toPoints() {
        return EdgeUnion.reversed(toGrid);
    }

    /** The point end of every edge, INT64 {@code [E]}. */
    public Tensor pointIndex() {
        return pointIndex;
    }

    /** The node end of every edge, INT64 {@code [E]}. */
    public Tensor nodeIndex() {
        return nodeIndex;
    }

    /** Positions of the batch's grid nodes, {@code [numClouds · G, 3]} in {@code dtype} (made once, then reused). */
    public Tensor nodePositions(org.equivariant4j.core.tensor.DType dtype) {
        if (nodePositions == null || nodePositions.dtype() != dtype) {
            nodePositions = grid.positions(numClouds, dtype);
        }
        return nodePositions;
    }

    /**
     * Relative position {@code node − point} of every edge, {@code [E, 3]}: one gather from each end (differentiable
     * in the point positions).
     */
    public Tensor relativePositions(Tensor pointPositions) {
        return nodePositions(pointPositions.dtype()).indexSelect(0, nodeIndex).sub(pointPositions.indexSelect(0, pointIndex));
    }

    @Override
    public String toString() {
        return "GridEdges(" + numClouds + " clouds, " + numPoints + " points, " + grid + ", " + numEdges() + " edges)";
    }
}

package org.equivariant4j.pointcloud.gridifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;

import org.equivariant4j.core.error.Equivariant4jException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.pointcloud.PointCloud;
import org.junit.jupiter.api.Test;

class GridEdgesTest {

    @Test
    void edgesJoinEveryPointToItsKNearestNodesAndEveryNodeToItsKNearestPointsOnce() {
        Grid grid = new Grid(4);
        PointCloud cloud = Clouds.random(1, DType.FLOAT64, 20, 7);
        int k = 3;
        GridEdges edges = GridEdges.of(cloud, grid, k);
        int[] points = edges.toGrid().senders();
        int[] nodes = edges.toGrid().receivers();
        int[] batch = cloud.batch();
        int[] perPoint = new int[cloud.numPoints()];
        int[] perNode = new int[edges.numNodes()];
        Set<Long> seen = new HashSet<>();
        for (int e = 0; e < points.length; e++) {
            assertThat(seen.add((long) nodes[e] * 1000 + points[e])).as("duplicate edge %d -> %d", points[e], nodes[e]).isTrue();
            assertThat(nodes[e] / grid.nodes()).as("an edge stays within its cloud").isEqualTo(batch[points[e]]);
            perPoint[points[e]]++;
            perNode[nodes[e]]++;
        }
        for (int c : perPoint) {
            assertThat(c).isGreaterThanOrEqualTo(k);
        }
        for (int c : perNode) {
            assertThat(c).isGreaterThanOrEqualTo(k);
        }
        // the nearest node of every point is among its edges
        double[] p = cloud.positions().toDoubleArray();
        double[] g = grid.positions();
        for (int i = 0; i < cloud.numPoints(); i++) {
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int n = 0; n < grid.nodes(); n++) {
                double d = 0;
                for (int t = 0; t < 3; t++) {
                    d += (p[3 * i + t] - g[3 * n + t]) * (p[3 * i + t] - g[3 * n + t]);
                }
                if (d < bestD) {
                    bestD = d;
                    best = n;
                }
            }
            assertThat(seen).contains((long) (batch[i] * grid.nodes() + best) * 1000 + i);
        }
        assertThat(edges.toPoints().senders()).containsExactly(nodes);
    }

    @Test
    void nearestNodesAreEachPointsKNearestAndAPartOfTheUnion() {
        Grid grid = new Grid(9);
        int k = 9;
        PointCloud cloud = Clouds.random(4, DType.FLOAT64, 128, 96);
        GridEdges edges = GridEdges.of(cloud, grid, k);
        GridEdges nearest = edges.nearestNodes();
        assertThat(nearest.nearestNodes()).isSameAs(nearest);
        assertThat(nearest.numEdges()).isEqualTo(k * cloud.numPoints());
        Set<Long> union = new HashSet<>();
        for (int e = 0; e < edges.numEdges(); e++) {
            union.add((long) edges.toGrid().receivers()[e] * 1000 + edges.toGrid().senders()[e]);
        }
        double[] p = cloud.positions().toDoubleArray();
        double[] g = grid.positions();
        int[] batch = cloud.batch();
        for (int e = 0; e < nearest.numEdges(); e++) {
            int i = nearest.toGrid().senders()[e];
            int node = nearest.toGrid().receivers()[e];
            assertThat(union).contains((long) node * 1000 + i);
            assertThat(node / grid.nodes()).isEqualTo(batch[i]);
            // no more than k - 1 nodes of the point's grid are strictly nearer than this one
            double d = distance(p, i, g, node % grid.nodes());
            int nearer = 0;
            for (int n = 0; n < grid.nodes(); n++) {
                nearer += distance(p, i, g, n) < d ? 1 : 0;
            }
            assertThat(nearer).isLessThan(k);
        }
        // why the segmenter reads from these: in the union a point of a sparse cloud also hears from many far nodes
        // (729 nodes each send to their 9 nearest of ~100 points)
        assertThat(edges.numEdges() / (double) cloud.numPoints()).isGreaterThan(4.0 * k);
    }

    private static double distance(double[] p, int i, double[] g, int n) {
        double d = 0;
        for (int t = 0; t < 3; t++) {
            d += (p[3 * i + t] - g[3 * n + t]) * (p[3 * i + t] - g[3 * n + t]);
        }
        return d;
    }

    @Test
    void relativePositionsAreNodeMinusPoint() {
        Grid grid = new Grid(3);
        PointCloud cloud = Clouds.random(2, DType.FLOAT64, 5);
        GridEdges edges = GridEdges.of(cloud, grid, 2);
        double[] rel = edges.relativePositions(cloud.positions()).toDoubleArray();
        double[] p = cloud.positions().toDoubleArray();
        double[] g = grid.positions();
        int[] s = edges.toGrid().senders();
        int[] r = edges.toGrid().receivers();
        for (int e = 0; e < s.length; e++) {
            for (int t = 0; t < 3; t++) {
                assertThat(rel[3 * e + t]).isCloseTo(g[3 * r[e] + t] - p[3 * s[e] + t], within(1e-12));
            }
        }
    }

    @Test
    void gridAndKAreChecked() {
        assertThatThrownBy(() -> new Grid(1)).isInstanceOf(Equivariant4jException.class).hasMessageContaining("[2, 64]");
        assertThatThrownBy(() -> GridEdges.of(Clouds.random(3, DType.FLOAT64, 4), Grid.DEFAULT, 0))
                .isInstanceOf(Equivariant4jException.class).hasMessageContaining("k must be positive");
        assertThat(new Grid(9).nodes()).isEqualTo(729);
        assertThat(new Grid(5).positions()).startsWith(-1, -1, -1, -1, -1, -0.5);
    }
}

package org.equivariant4j.pointcloud;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.graph.EdgeIndex;

/**
 * The coalesced union of edge lists: every distinct (sender, receiver) pair once, receiver-major, senders increasing
 * within a receiver. Gridification takes the union of "k nearest points of each grid node" and "k nearest grid nodes
 * of each point" so that every point reaches the grid and every grid node near the cloud hears from it, and a pair
 * found both ways must count once in a mean.
 */
public final class EdgeUnion {

    private EdgeUnion() {
    }

    /** Distinct edges of all {@code parts}; node indices must lie in {@code [0, senders)} and {@code [0, receivers)}. */
    public static EdgeIndex of(int senders, int receivers, EdgeIndex... parts) {
        int total = Arrays.stream(parts).mapToInt(EdgeIndex::size).sum();
        long[] keys = new long[total];
        int at = 0;
        for (EdgeIndex p : parts) {
            int[] s = p.senders();
            int[] r = p.receivers();
            for (int e = 0; e < s.length; e++) {
                if (s[e] < 0 || s[e] >= senders || r[e] < 0 || r[e] >= receivers) {
                    throw new InvalidArgumentException("EdgeUnion: edge " + s[e] + " -> " + r[e] + " is outside [0, " + senders
                            + ") -> [0, " + receivers + ")");
                }
                keys[at++] = (long) r[e] * senders + s[e];
            }
        }
        Arrays.sort(keys);
        int unique = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[unique++] = keys[i];
            }
        }
        int[] s = new int[unique];
        int[] r = new int[unique];
        for (int i = 0; i < unique; i++) {
            s[i] = (int) (keys[i] % senders);
            r[i] = (int) (keys[i] / senders);
        }
        return new EdgeIndex(s, r);
    }

    /** The edges reversed (sender and receiver swapped), e.g. grid→point edges from point→grid ones. */
    public static EdgeIndex reversed(EdgeIndex edges) {
        return new EdgeIndex(edges.receivers(), edges.senders());
    }
}

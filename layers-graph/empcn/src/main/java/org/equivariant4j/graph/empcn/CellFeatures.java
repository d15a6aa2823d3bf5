package org.equivariant4j.graph.empcn;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Invariant features of the cells of a {@link CellComplex}: nodes {@code [N, C]}, edges {@code [M, C]},
 * rings {@code [R, C]} (null when the complex has no rings).
 */
public record CellFeatures(Tensor nodes, Tensor edges, Tensor rings) {

    /** Throws naming {@code who} unless the features fit {@code complex} with {@code channels} channels. */
    public void check(String who, CellComplex complex, int channels) {
        require(who, "node", nodes, complex.numNodes(), channels);
        require(who, "edge", edges, complex.numEdges(), channels);
        if (complex.numRings() > 0) {
            require(who, "ring", rings, complex.numRings(), channels);
        }
    }

    private static void require(String who, String what, Tensor t, int rows, int channels) {
        if (t == null || t.rank() != 2 || t.size(0) != rows || t.size(1) != channels) {
            throw new ShapeMismatchException(who + ": expected " + what + " cell features [" + rows + ", " + channels
                    + "] but was " + (t == null ? "null" : Arrays.toString(t.shape())));
        }
    }
}

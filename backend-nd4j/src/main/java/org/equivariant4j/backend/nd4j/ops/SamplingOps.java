package org.equivariant4j.backend.nd4j.ops;

import org.equivariant4j.backend.nd4j.Nd4jTensor;

/** Bilinear and trilinear sampling of a grid at arbitrary coordinates. */
public final class SamplingOps {

    private SamplingOps() {
    }

    public static Nd4jTensor gridSample(Nd4jTensor x, Nd4jTensor grid, boolean alignCorners) { throw new UnsupportedOperationException("pending"); }
}

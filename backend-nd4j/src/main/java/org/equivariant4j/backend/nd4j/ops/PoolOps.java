package org.equivariant4j.backend.nd4j.ops;

import org.equivariant4j.backend.nd4j.Nd4jTensor;
import org.equivariant4j.core.tensor.PoolSpec;

/** Max, average and adaptive pooling over 1, 2 or 3 spatial dimensions. */
public final class PoolOps {

    private PoolOps() {
    }

    public static Nd4jTensor maxPool(Nd4jTensor x, PoolSpec spec) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor avgPool(Nd4jTensor x, PoolSpec spec) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor adaptivePool(Nd4jTensor x, int[] outputSize, boolean max) { throw new UnsupportedOperationException("pending"); }
}

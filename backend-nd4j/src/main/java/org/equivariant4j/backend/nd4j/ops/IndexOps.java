package org.equivariant4j.backend.nd4j.ops;

import org.equivariant4j.backend.nd4j.Nd4jTensor;

/** Gather/scatter-style indexing and segment reductions for message passing. Never uses ND4J's ScatterAdd (wrong with 2 threads). */
public final class IndexOps {

    private IndexOps() {
    }

    public static Nd4jTensor indexSelect(Nd4jTensor a, int dim, Nd4jTensor index) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor gather(Nd4jTensor a, int dim, Nd4jTensor index) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor indexAdd(Nd4jTensor a, int dim, Nd4jTensor index, Nd4jTensor source) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor segmentSum(Nd4jTensor a, Nd4jTensor ids, int n) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor segmentMean(Nd4jTensor a, Nd4jTensor ids, int n) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor segmentMax(Nd4jTensor a, Nd4jTensor ids, int n) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor where(Nd4jTensor condition, Nd4jTensor a, Nd4jTensor b) { throw new UnsupportedOperationException("pending"); }
}

package org.equivariant4j.backend.nd4j.ops;

import org.equivariant4j.backend.nd4j.Nd4jTensor;
import org.equivariant4j.core.tensor.ConvSpec;

/** Convolutions over 1, 2 or 3 spatial dimensions and their transposes. */
public final class ConvOps {

    private ConvOps() {
    }

    public static Nd4jTensor conv(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec) { throw new UnsupportedOperationException("pending"); }
    public static Nd4jTensor convTranspose(Nd4jTensor x, Nd4jTensor w, Nd4jTensor b, ConvSpec spec) { throw new UnsupportedOperationException("pending"); }
}

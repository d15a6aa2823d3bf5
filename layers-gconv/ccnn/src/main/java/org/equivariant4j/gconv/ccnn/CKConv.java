package org.equivariant4j.gconv.ccnn;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.gconv.ccnn.kernel.KernelNetSpec;

/**
 * CKConv (Romero et al. 2022): a continuous kernel as large as the input, sampled at every
 * resolution from the same kernel network, so every output sees the whole input in one layer.
 */
public final class CKConv extends ContinuousConv {

    public CKConv(int dims, int inChannels, int outChannels, boolean depthwise, Padding padding, int[] referenceSize,
            KernelNetSpec spec, DType dtype, Rng rng) {
        super(dims, inChannels, outChannels, depthwise, padding, referenceSize, spec, dtype, rng);
    }
}

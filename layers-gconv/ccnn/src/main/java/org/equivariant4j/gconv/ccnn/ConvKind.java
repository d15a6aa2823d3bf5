package org.equivariant4j.gconv.ccnn;

/** Which spatial convolution the CCNN blocks use: the paper's and the ablation's. */
public enum ConvKind {
    /** {@link FlexConv}: continuous kernel with a learnt Gaussian mask (CCNN's default). */
    FLEX,
    /** {@link CKConv}: continuous kernel over the whole input, no mask. */
    CK,
    /** A plain discrete depthwise kernel with about as many parameters as the kernel network it replaces. */
    DISCRETE
}

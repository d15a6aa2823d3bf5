package org.equivariant4j.graph.conditioning;

/**
 * How a {@link ModeConditionedLinear} lets per-row attributes {@code a} shape the map of its input {@code x}
 * (Koishekenov and Bekkers 2023): from the least to the most expressive dependence on {@code a}.
 */
public enum ConditioningMode {
    /** {@code W [x, a] + b}: the attributes concatenated to the input (an attribute-dependent bias). */
    WEAK,
    /** {@code (W x + b) ⊙ (U a + c)}: an attribute-dependent gate on every output channel. */
    STRONG,
    /** {@code y_k = x^T W_k a + b_k}: an attribute-dependent linear map (bilinear in x and a). */
    PURE
}

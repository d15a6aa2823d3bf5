package org.equivariant4j.gconv.se3.model;

/** Which SE(3) → SE(3) convolution a classifier stacks. */
public enum GroupLayerKind {
    /** {@link org.equivariant4j.gconv.se3.SE3SeparableConv}: SO(3) kernel × spatial kernel. */
    SEPARABLE,
    /** {@link org.equivariant4j.gconv.se3.SE3GroupConv}: one kernel over SO(3) × R³. */
    FULL
}

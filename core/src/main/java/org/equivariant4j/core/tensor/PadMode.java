package org.equivariant4j.core.tensor;

/** How {@link Tensor#pad} fills the new border. */
public enum PadMode {
    /** A constant value (zero unless given). */
    CONSTANT,
    /** Wrap around: the border repeats the opposite edge, as on a torus. */
    CIRCULAR
}

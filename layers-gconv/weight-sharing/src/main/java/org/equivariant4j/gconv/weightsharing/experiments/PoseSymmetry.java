package org.equivariant4j.gconv.weightsharing.experiments;

/**
 * Which poses the examples of a dataset are drawn in: each example is transformed by an element drawn uniformly from
 * this set, so the data distribution is symmetric under exactly that group.
 */
public enum PoseSymmetry {
    /** Rotations by 0, 90, 180 and 270 degrees. */
    C4(new int[] {0, 1, 2, 3}, false),
    /** Rotations by 0 and 180 degrees only. */
    C2(new int[] {0, 2}, false),
    /** The identity and the flip of the columns (a mirror image), no rotation. */
    D1(new int[] {0}, true),
    /** Upright only. */
    NONE(new int[] {0}, false);

    private final int[] quarterTurns;
    private final boolean flips;

    PoseSymmetry(int[] quarterTurns, boolean flips) {
        this.quarterTurns = quarterTurns;
        this.flips = flips;
    }

    /** The quarter turns an example may be rotated by. */
    int[] quarterTurns() {
        return quarterTurns.clone();
    }

    /** Whether an example is mirrored with probability 1/2. */
    boolean flips() {
        return flips;
    }
}

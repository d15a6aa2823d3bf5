package org.equivariant4j.fields.enf.pde;

import org.equivariant4j.core.tensor.Rng;

/**
 * The random streams of one trajectory: each trajectory draws its initial condition from a stream of its own,
 * derived from the dataset seed, its split and its index, so a split is the same however it is batched and a
 * smaller split is a prefix of a larger one. The transformed test split reuses the test split's initial-condition
 * streams (its trajectories are paired with the test ones) and draws its symmetry from a stream of its own.
 */
final class TrajectorySeeds {
    private TrajectorySeeds() {
    }

    /** The stream of the initial condition of trajectory {@code index} of {@code split}. */
    static Rng initialCondition(long seed, Split split, int index) {
        Split source = split == Split.TRANSFORMED_TEST ? Split.TEST : split;
        return new Rng(mix(seed, source.ordinal(), index, 0x5EEDL));
    }

    /** The stream of the symmetry that moves trajectory {@code index} of the transformed test split. */
    static Rng transformation(long seed, int index) {
        return new Rng(mix(seed, Split.TRANSFORMED_TEST.ordinal(), index, 0x7A4EL));
    }

    /** A SplitMix64 finaliser over the four inputs: distinct inputs give unrelated seeds. */
    private static long mix(long seed, int split, int index, long purpose) {
        long z = seed;
        for (long part : new long[] {split, index, purpose}) {
            z = (z + part + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
            z ^= z >>> 31;
        }
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

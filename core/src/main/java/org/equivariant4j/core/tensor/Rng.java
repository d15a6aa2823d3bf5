package org.equivariant4j.core.tensor;

import java.util.SplittableRandom;

/**
 * A seeded source of randomness. Every random tensor, initialisation and shuffle in the framework
 * draws from an explicit {@code Rng}, so a run is reproduced by its seed alone, on any backend.
 * Not thread-safe: {@link #split()} gives an independent stream for another thread or component.
 */
public final class Rng {
    private final long seed;
    private final SplittableRandom random;

    public Rng(long seed) {
        this(seed, new SplittableRandom(seed));
    }

    private Rng(long seed, SplittableRandom random) {
        this.seed = seed;
        this.random = random;
    }

    /** The seed this stream was created with (reported in test failures). */
    public long seed() {
        return seed;
    }

    /** A new, statistically independent stream; this one advances by one draw. */
    public Rng split() {
        SplittableRandom child = random.split();
        return new Rng(seed, child);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [low, high). */
    public double nextDouble(double low, double high) {
        return random.nextDouble(low, high);
    }

    /** Standard normal. */
    public double nextGaussian() {
        return random.nextGaussian();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public long nextLong() {
        return random.nextLong();
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public String toString() {
        return "Rng(seed=" + seed + ")";
    }
}

package org.equivariant4j.graph.nbody;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * The charged-particle system of the EGNN N-body experiment (Satorras et al. 2021, after Kipf et al. 2018):
 * {@code particles} bodies with charges ±1 (each with probability 1/2) in R³, initial positions
 * N(0, locStd²) per coordinate (reflected into the box [-boxSize, boxSize]), initial velocities of norm
 * {@code velocityNorm} in uniformly random directions, Coulomb-like forces
 * {@code F_i = strength Σ_j q_i q_j (x_i - x_j) / |x_i - x_j|³} clipped per component to ±{@code maxForce},
 * {@code steps} leapfrog steps of {@code dt}, a frame saved every {@code sampleEvery} steps.
 */
public record NBodyConfig(int particles, double boxSize, double locStd, double velocityNorm, double strength, double dt,
        int steps, int sampleEvery, double maxForce) {

    public NBodyConfig {
        if (particles < 2 || steps <= 0 || sampleEvery <= 0 || steps % sampleEvery != 0 || !(dt > 0)) {
            throw new InvalidArgumentException("NBodyConfig: need >= 2 particles, dt > 0 and steps a positive multiple of"
                    + " sampleEvery, got " + this);
        }
    }

    /** The reference generator's settings: 5 particles, box 5, loc std 1, |v| 0.5, dt 0.001, 5,000 steps, every 100th saved. */
    public static NBodyConfig reference() {
        return new NBodyConfig(5, 5.0, 1.0, 0.5, 1.0, 0.001, 5000, 100, 0.1 / 0.001);
    }

    /** The same system with another trajectory length (for small tests). */
    public NBodyConfig withSteps(int value) {
        return new NBodyConfig(particles, boxSize, locStd, velocityNorm, strength, dt, value, sampleEvery, maxForce);
    }

    /** Saved frames per trajectory: frame k is the state after {@code (k + 1) * sampleEvery} steps. */
    public int frames() {
        return steps / sampleEvery - 1;
    }

    /** A stable text key of all settings, used to name cache files. */
    public String key() {
        return "n" + particles + "-box" + boxSize + "-std" + locStd + "-v" + velocityNorm + "-k" + strength + "-dt" + dt + "-T"
                + steps + "-every" + sampleEvery + "-fmax" + maxForce;
    }
}

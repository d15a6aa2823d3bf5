package org.equivariant4j.fields.latentforce.system;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * A system of interacting particles in a static global field, and how it is simulated.
 *
 * @param name            for logs and tables
 * @param law             how particles and sources act ({@link InteractionLaw})
 * @param dims            space dimension
 * @param particles       particles per trajectory
 * @param sources         static sources of the field
 * @param sourceStrength  |strength| of each source
 * @param signedSources   whether each source's sign is drawn at random (source charges) or all are positive (masses)
 * @param sourceBox       sources are uniform in {@code [-sourceBox, sourceBox]^dims}
 * @param strength        strength of the particle-particle law ({@code k} or {@code G})
 * @param locStd          initial positions are {@code N(0, locStd²)} per coordinate
 * @param velocityNorm    initial velocities are random directions of this length
 * @param dt              integration step
 * @param steps           integration steps per trajectory
 * @param sampleEvery     a frame is kept every this many steps
 * @param maxAcceleration each acceleration component is clipped to ±this (0: no clipping), as the N-body generator
 *                        clips forces, so that close encounters stay integrable at this {@code dt}
 * @param softening       ε of the softened inverse-square laws {@code 1 / (r² + ε²)}
 */
public record FieldSystem(String name, InteractionLaw law, int dims, int particles, int sources, double sourceStrength,
        boolean signedSources, double sourceBox, double strength, double locStd, double velocityNorm, double dt, int steps,
        int sampleEvery, double maxAcceleration, double softening) {

    public FieldSystem {
        if (dims < 1 || particles < 1 || sources < 0 || steps < 1 || sampleEvery < 1 || steps < sampleEvery) {
            throw new InvalidArgumentException("FieldSystem " + name + ": dims, particles, steps and sampleEvery must be positive"
                    + " and steps >= sampleEvery, got dims " + dims + ", particles " + particles + ", sources " + sources
                    + ", steps " + steps + ", sampleEvery " + sampleEvery);
        }
        if (!(dt > 0) || !(sourceBox > 0) || locStd < 0 || velocityNorm < 0 || maxAcceleration < 0 || softening < 0) {
            throw new InvalidArgumentException("FieldSystem " + name + ": dt and sourceBox must be positive and locStd,"
                    + " velocityNorm, maxAcceleration, softening non-negative");
        }
    }

    /**
     * The paper's electrostatic setting as the Aether code configures it: 2D, 5 particles with charges ±1 among 20
     * static source charges (strength 1, uniform in a box of half-width 5), 5,000 steps sampled every 100. Our
     * choices where the notes are silent: dt 0.001, initial positions N(0, 1), speed 0.5, softening 0.5 (so that a
     * pass near a source is a smooth kick of at most ~4 rather than a near-singular one a frame-rate model cannot
     * follow), accelerations clipped to ±100.
     */
    public static FieldSystem electrostatic() {
        return new FieldSystem("electrostatic", InteractionLaw.COULOMB, 2, 5, 20, 1.0, true, 5.0, 1.0, 1.0, 0.5, 0.001, 5000,
                100, 100.0, 0.5);
    }

    /**
     * The gravitational setting: 3D, 5 unit-mass bodies and one static mass of strength 10. Our choices: the static
     * mass uniform in a box of half-width 1, G = 1, dt 0.001, initial positions N(0, 1.5²), speed 1, softening 0.5,
     * clipping ±100, 5,000 steps sampled every 100.
     */
    public static FieldSystem gravitational() {
        return new FieldSystem("gravitational", InteractionLaw.GRAVITY, 3, 5, 1, 10.0, false, 1.0, 1.0, 1.5, 1.0, 0.001, 5000,
                100, 100.0, 0.5);
    }

    /** Frames per trajectory: one every {@code sampleEvery} steps. */
    public int frames() {
        return steps / sampleEvery;
    }

    /** Time between two frames. */
    public double frameInterval() {
        return dt * sampleEvery;
    }

    /** The same system integrated for {@code value} steps. */
    public FieldSystem withSteps(int value) {
        return new FieldSystem(name, law, dims, particles, sources, sourceStrength, signedSources, sourceBox, strength, locStd,
                velocityNorm, dt, value, sampleEvery, maxAcceleration, softening);
    }

    /** The same system without clipping (for energy checks). */
    public FieldSystem unclipped() {
        return new FieldSystem(name, law, dims, particles, sources, sourceStrength, signedSources, sourceBox, strength, locStd,
                velocityNorm, dt, steps, sampleEvery, 0.0, softening);
    }
}

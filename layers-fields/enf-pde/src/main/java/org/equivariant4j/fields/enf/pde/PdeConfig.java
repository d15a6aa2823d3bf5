package org.equivariant4j.fields.enf.pde;

/**
 * One PDE problem at one size: its grid, frames and frame interval, and how its trajectories are drawn and
 * simulated. A config is a value; {@link #key()} names every setting and so names cache files.
 */
public sealed interface PdeConfig permits HeatPlaneConfig, NavierStokesConfig, HeatSphereConfig {

    /** Which problem this is. */
    PdeProblem problem();

    /** The points every frame is given on. */
    PdeGrid grid();

    /** Frames per trajectory (the first is the initial condition). */
    int frames();

    /** Time between frames. */
    double dt();

    /** A stable text of all settings. */
    String key();

    /**
     * Trajectories {@code from .. from + count - 1} of {@code split} of the dataset with {@code seed}. Trajectory k
     * is the same whichever batch it is simulated in (bit for bit), so a cache can be checked by simulating one.
     */
    Trajectories simulate(long seed, Split split, int from, int count);
}

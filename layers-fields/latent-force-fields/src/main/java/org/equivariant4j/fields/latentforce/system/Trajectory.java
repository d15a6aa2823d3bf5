package org.equivariant4j.fields.latentforce.system;

/**
 * One simulated trajectory: {@code frames} states of {@code particles} particles in {@code dims} dimensions,
 * row-major {@code [frame][particle][dim]}, and each particle's coupling (charge or mass).
 */
public record Trajectory(int particles, int frames, int dims, double[] positions, double[] velocities, double[] couplings) {

    /** Coordinate {@code d} of particle {@code p}'s position at {@code frame}. */
    public double position(int frame, int p, int d) {
        return positions[(frame * particles + p) * dims + d];
    }

    /** Coordinate {@code d} of particle {@code p}'s velocity at {@code frame}. */
    public double velocity(int frame, int p, int d) {
        return velocities[(frame * particles + p) * dims + d];
    }
}

package org.equivariant4j.graph.nbody;

/**
 * One simulated trajectory: saved frames of positions and velocities, row-major
 * {@code [frame][particle][xyz]}, and the particles' charges.
 */
public record NBodyTrajectory(int particles, int frames, double[] positions, double[] velocities, double[] charges) {

    /** Positions of {@code frame}, {@code [particle][xyz]} flattened. */
    public double[] positionsAt(int frame) {
        return slice(positions, frame);
    }

    /** Velocities of {@code frame}, {@code [particle][xyz]} flattened. */
    public double[] velocitiesAt(int frame) {
        return slice(velocities, frame);
    }

    private double[] slice(double[] data, int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IndexOutOfBoundsException("NBodyTrajectory: frame " + frame + " of " + frames);
        }
        double[] out = new double[particles * 3];
        System.arraycopy(data, frame * particles * 3, out, 0, out.length);
        return out;
    }
}

package org.equivariant4j.graph.nbody;

import org.equivariant4j.core.error.InvalidArgumentException;

/**
 * What to predict: positions at {@code targetFrame} from positions and velocities at {@code inputFrame}.
 * The EGNN protocol ({@link #reference()}) uses frames 30 and 40 of the 5,000-step trajectories sampled
 * every 100 steps: 1,000 steps (time 1.0) ahead.
 */
public record NBodyTask(int inputFrame, int targetFrame) {

    public NBodyTask {
        if (inputFrame < 0 || targetFrame <= inputFrame) {
            throw new InvalidArgumentException("NBodyTask: need 0 <= inputFrame < targetFrame, got " + inputFrame + ", "
                    + targetFrame);
        }
    }

    public static NBodyTask reference() {
        return new NBodyTask(30, 40);
    }

    /** Simulated time between the two frames. */
    public double horizon(NBodyConfig config) {
        return (targetFrame - inputFrame) * config.sampleEvery() * config.dt();
    }
}

package org.equivariant4j.fields.enf.pde;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Simulated trajectories of one scalar field: {@code values[((n * frames) + t) * points + p]} is the field of
 * trajectory n at frame t (time {@code t * dt} after the first frame) at grid point p, float32 as it is stored
 * and trained on.
 */
public record Trajectories(int count, int frames, int points, double dt, float[] values) {

    public Trajectories {
        if (count < 0 || frames <= 0 || points <= 0 || !(dt > 0) || values.length != (long) count * frames * points) {
            throw new InvalidArgumentException("Trajectories: need " + count + " x " + frames + " x " + points
                    + " values and dt > 0, got " + values.length + " values, dt " + dt);
        }
    }

    /** The field of trajectory n at frame t at point p. */
    public float value(int n, int t, int p) {
        return values[(n * frames + t) * points + p];
    }

    /** All values as a float32 tensor {@code [count, frames, points]}. */
    public Tensor tensor() {
        return Tensors.of(values, count, frames, points);
    }

    /** A copy of the field of trajectory n at frame t ({@code points} values). */
    public float[] frame(int n, int t) {
        int from = (n * frames + t) * points;
        return Arrays.copyOfRange(values, from, from + points);
    }

    /** The first {@code n} trajectories. */
    public Trajectories head(int n) {
        if (n < 0 || n > count) {
            throw new InvalidArgumentException("Trajectories.head: asked for " + n + " of " + count + " trajectories");
        }
        return new Trajectories(n, frames, points, dt, Arrays.copyOf(values, n * frames * points));
    }
}

package org.equivariant4j.fields.enf.pde;

/** A solver that moves a batch of fields {@code [batch, P]} forward in time in place, and the frames it records. */
@FunctionalInterface
interface BatchEvolution {

    /** Advances each of the {@code batch} fields by {@code time}. */
    void advance(double[] fields, int batch, double time);

    /** The trajectories of {@code fields} ({@code [count, points]}): frame 0 as given, then every {@code dt}, float32. */
    default Trajectories record(double[] fields, int count, int points, int frames, double dt) {
        float[] values = new float[count * frames * points];
        for (int t = 0; t < frames; t++) {
            if (t > 0) {
                advance(fields, count, dt);
            }
            for (int k = 0; k < count; k++) {
                for (int p = 0; p < points; p++) {
                    values[(k * frames + t) * points + p] = (float) fields[k * points + p];
                }
            }
        }
        return new Trajectories(count, frames, points, dt, values);
    }
}

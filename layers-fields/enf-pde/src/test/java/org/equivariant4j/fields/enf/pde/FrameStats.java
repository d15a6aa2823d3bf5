package org.equivariant4j.fields.enf.pde;

/** Small statistics of stored frames, for the tests. */
final class FrameStats {
    private FrameStats() {
    }

    /** The largest value of a frame. */
    static float max(float[] frame) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : frame) {
            m = Math.max(m, v);
        }
        return m;
    }
}

package org.equivariant4j.backend.nd4j;

/**
 * Per-channel sums of a {@code [N, C, S]} tensor over the batch and the spatial positions: a
 * convolution's bias gradient. Summed in double, in a fixed order (sample by sample, in chunks),
 * split over channels, so the result does not depend on the thread count.
 */
final class ChannelSums {
    /** Elements read per bulk copy. */
    private static final int CHUNK = 4096;

    private ChannelSums() {
    }

    static double[] of(HostArray t, int samples, int channels, int positions) {
        double[] sums = new double[channels];
        ConvThreads.forRange(channels, (long) samples * channels * positions, (from, to) -> {
            boolean single = !t.isDouble();
            float[] f = single ? new float[Math.min(CHUNK, positions)] : null;
            double[] d = single ? null : new double[Math.min(CHUNK, positions)];
            for (int c = from; c < to; c++) {
                double sum = 0;
                for (int n = 0; n < samples; n++) {
                    int at = (n * channels + c) * positions;
                    for (int i = 0; i < positions; i += CHUNK) {
                        int len = Math.min(CHUNK, positions - i);
                        if (single) {
                            t.get(at + i, f, 0, len);
                            for (int j = 0; j < len; j++) {
                                sum += f[j];
                            }
                        } else {
                            t.get(at + i, d, 0, len);
                            for (int j = 0; j < len; j++) {
                                sum += d[j];
                            }
                        }
                    }
                }
                sums[c] = sum;
            }
        });
        return sums;
    }
}

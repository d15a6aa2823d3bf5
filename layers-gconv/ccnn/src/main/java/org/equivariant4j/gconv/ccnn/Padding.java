package org.equivariant4j.gconv.ccnn;

/**
 * Where a kernel of size K sits relative to the output sample it produces, and what lies past
 * the input's edges. Output and input have the same spatial size in every mode.
 */
public enum Padding {
    /**
     * Output t sees inputs t - K + 1 .. t: nothing from the future, as for sequences read in
     * order (K - 1 zeros before the start).
     */
    CAUSAL,
    /**
     * The kernel is centred: (K - 1) / 2 zeros before and the rest after, PyTorch's
     * {@code padding="same"} (the extra zero of an even K goes after).
     */
    SAME,
    /** Centred as {@link #SAME}, but the input wraps around as on a torus (no zeros): circular convolution. */
    CIRCULAR;

    /** Zeros (or wrapped samples) before the input along one dimension, for kernel size {@code k}. */
    int before(int k) {
        return this == CAUSAL ? k - 1 : (k - 1) / 2;
    }

    /** After the input along one dimension, for kernel size {@code k}. */
    int after(int k) {
        return k - 1 - before(k);
    }
}

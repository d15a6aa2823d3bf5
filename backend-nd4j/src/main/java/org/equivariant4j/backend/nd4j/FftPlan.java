package org.equivariant4j.backend.nd4j;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An unnormalised complex discrete Fourier transform of one length {@code n}, on split real and
 * imaginary arrays, with the tables it needs computed once.
 *
 * <p>A power-of-two length runs the iterative radix-2 Cooley-Tukey algorithm (bit-reversal
 * permutation, then log2(n) butterfly passes reading precomputed per-pass twiddle tables, so no
 * trigonometry runs per call). Any other length goes through Bluestein's chirp-z identity
 * {@code kn = (k^2 + n^2 - (k-n)^2) / 2}, which turns the length-n transform into a circular
 * convolution of power-of-two length {@code m >= 2n - 1}, done with the radix-2 plan of length
 * {@code m}; the chirp's spectrum is precomputed. Both stay O(n log n). The chirp angles use
 * {@code k^2 mod 2n} so they stay exact for large k.
 *
 * <p>The inverse transform conjugates its input and output around the forward one; it does not
 * divide by n (the callers scale once per multi-dimensional transform).
 *
 * <p>Plans are immutable and shared between threads; the per-call scratch of a Bluestein plan is
 * allocated per call.
 */
final class FftPlan {
    /** Enough distinct lengths for any model; a program sweeping more lengths just rebuilds them. */
    private static final int CACHE_LIMIT = 64;
    private static final Map<Integer, FftPlan> CACHE = new ConcurrentHashMap<>();

    private final int n;
    // radix-2 tables (power-of-two lengths)
    private final int[] bitReversed;
    private final double[] cos;
    private final double[] sin;
    // Bluestein tables (other lengths)
    private final FftPlan inner;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] kernelRe;
    private final double[] kernelIm;
    // the twiddles e^{-2 pi i k/(2n)}, k in [0, n], with which a real line of length 2n is split
    // from (or merged into) this plan's complex transform of its packed samples
    private final double[] realCos;
    private final double[] realSin;

    private FftPlan(int n) {
        this.n = n;
        realCos = new double[n + 1];
        realSin = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            realCos[k] = Math.cos(Math.PI * k / n);
            realSin[k] = -Math.sin(Math.PI * k / n);
        }
        if (Integer.bitCount(n) == 1) {
            bitReversed = bitReversal(n);
            // The pass of butterfly span h reads twiddles e^{-pi i k/h}, k < h, from [h, 2h): each
            // pass walks its table contiguously instead of striding through one table of length n/2.
            cos = new double[Math.max(1, n)];
            sin = new double[Math.max(1, n)];
            for (int h = 1; h < n; h <<= 1) {
                for (int k = 0; k < h; k++) {
                    double angle = -Math.PI * k / h;
                    cos[h + k] = Math.cos(angle);
                    sin[h + k] = Math.sin(angle);
                }
            }
            inner = null;
            chirpRe = chirpIm = kernelRe = kernelIm = null;
        } else {
            bitReversed = null;
            cos = sin = null;
            int m = Integer.highestOneBit(2 * n - 1) << 1;
            inner = forLength(m);
            chirpRe = new double[n];
            chirpIm = new double[n];
            long twoN = 2L * n;
            for (int k = 0; k < n; k++) {
                double angle = -Math.PI * (((long) k * k) % twoN) / n;
                chirpRe[k] = Math.cos(angle);
                chirpIm[k] = Math.sin(angle);
            }
            // The convolution kernel is conj(chirp), laid out circularly: index k and m - k.
            kernelRe = new double[m];
            kernelIm = new double[m];
            for (int k = 0; k < n; k++) {
                kernelRe[k] = chirpRe[k];
                kernelIm[k] = -chirpIm[k];
                if (k > 0) {
                    kernelRe[m - k] = chirpRe[k];
                    kernelIm[m - k] = -chirpIm[k];
                }
            }
            inner.forward(kernelRe, kernelIm, 0);
        }
    }

    /** The shared plan for length {@code n} (at least 1). */
    static FftPlan forLength(int n) {
        FftPlan plan = CACHE.get(n);
        if (plan == null) {
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            plan = new FftPlan(n);
            CACHE.put(n, plan);
        }
        return plan;
    }

    int length() {
        return n;
    }

    /** cos of the angle -2 pi k/(2n), k in [0, n], for real lines of length 2n; shared, do not modify. */
    double[] realCos() {
        return realCos;
    }

    /** sin of the angle -2 pi k/(2n), k in [0, n], for real lines of length 2n; shared, do not modify. */
    double[] realSin() {
        return realSin;
    }

    /** In place: {@code (re, im)[offset .. offset + n)} becomes its DFT {@code X_k = sum_j x_j e^{-2 pi i jk/n}}. */
    void forward(double[] re, double[] im, int offset) {
        if (n == 1) {
            return;
        }
        if (inner == null) {
            radix2(re, im, offset);
        } else {
            bluestein(re, im, offset);
        }
    }

    /** In place: the unnormalised inverse, {@code x_j = sum_k X_k e^{+2 pi i jk/n}}. */
    void inverse(double[] re, double[] im, int offset) {
        negate(im, offset, n);
        forward(re, im, offset);
        negate(im, offset, n);
    }

    private static void negate(double[] a, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            a[i] = -a[i];
        }
    }

    private void radix2(double[] re, double[] im, int off) {
        for (int i = 0; i < n; i++) {
            int j = bitReversed[i];
            if (j > i) {
                double t = re[off + i];
                re[off + i] = re[off + j];
                re[off + j] = t;
                t = im[off + i];
                im[off + i] = im[off + j];
                im[off + j] = t;
            }
        }
        for (int half = 1; half < n; half <<= 1) {
            for (int start = 0; start < n; start += 2 * half) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[half + k];
                    double wi = sin[half + k];
                    int a = off + start + k;
                    int b = a + half;
                    double tr = re[b] * wr - im[b] * wi;
                    double ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    private void bluestein(double[] re, double[] im, int off) {
        int m = inner.n;
        double[] ar = new double[m];
        double[] ai = new double[m];
        for (int k = 0; k < n; k++) {
            double xr = re[off + k];
            double xi = im[off + k];
            ar[k] = xr * chirpRe[k] - xi * chirpIm[k];
            ai[k] = xr * chirpIm[k] + xi * chirpRe[k];
        }
        inner.forward(ar, ai, 0);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * kernelRe[k] - ai[k] * kernelIm[k];
            double i = ar[k] * kernelIm[k] + ai[k] * kernelRe[k];
            ar[k] = r;
            ai[k] = i;
        }
        inner.inverse(ar, ai, 0);
        double scale = 1.0 / m;
        for (int k = 0; k < n; k++) {
            double cr = ar[k] * scale;
            double ci = ai[k] * scale;
            re[off + k] = cr * chirpRe[k] - ci * chirpIm[k];
            im[off + k] = cr * chirpIm[k] + ci * chirpRe[k];
        }
    }

    private static int[] bitReversal(int n) {
        int bits = Integer.numberOfTrailingZeros(n);
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = Integer.reverse(i) >>> (32 - bits);
        }
        if (n == 1) {
            r[0] = 0;
        }
        return r;
    }
}

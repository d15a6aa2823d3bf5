package org.equivariant4j.backend.nd4j;

/**
 * Real-to-complex and complex-to-real transforms of consecutive lines of length n, the last
 * dimension of {@link FftOps}' transforms.
 *
 * <p>An even n uses the packing identity: the n real samples become n/2 complex ones
 * {@code z_j = x_2j + i x_2j+1}, whose transform Z gives the spectra of the even and odd samples
 * as {@code E_k = (Z_k + conj Z_{h-k}) / 2} and {@code O_k = (Z_k - conj Z_{h-k}) / 2i}, and then
 * {@code X_k = E_k + e^{-2 pi i k/n} O_k}; the inverse runs the same steps backwards. An odd n
 * transforms the line as a complex one with zero imaginary part.
 */
final class RealLines {
    private RealLines() {
    }

    /**
     * Transforms {@code lines} lines of length n starting at {@code data[offset]} into
     * {@code (re, im)}, n/2 + 1 bins per line.
     */
    static void forward(double[] data, int offset, int n, int lines, double[] re, double[] im) {
        int bins = n / 2 + 1;
        if (n % 2 == 1 || n == 2) {
            FftPlan plan = FftPlan.forLength(n);
            double[] lr = new double[n];
            double[] li = new double[n];
            for (int l = 0; l < lines; l++) {
                System.arraycopy(data, offset + l * n, lr, 0, n);
                java.util.Arrays.fill(li, 0.0);
                plan.forward(lr, li, 0);
                System.arraycopy(lr, 0, re, l * bins, bins);
                System.arraycopy(li, 0, im, l * bins, bins);
            }
            return;
        }
        int h = n / 2;
        FftPlan plan = FftPlan.forLength(h);
        double[] zr = new double[h];
        double[] zi = new double[h];
        double[] cos = plan.realCos();
        double[] sin = plan.realSin();
        for (int l = 0; l < lines; l++) {
            int src = offset + l * n;
            for (int j = 0; j < h; j++) {
                zr[j] = data[src + 2 * j];
                zi[j] = data[src + 2 * j + 1];
            }
            plan.forward(zr, zi, 0);
            int dst = l * bins;
            for (int k = 0; k <= h; k++) {
                int a = k % h;
                int b = (h - k) % h;
                // E = (Z_a + conj Z_b) / 2, O = (Z_a - conj Z_b) / 2i
                double er = 0.5 * (zr[a] + zr[b]);
                double ei = 0.5 * (zi[a] - zi[b]);
                double or = 0.5 * (zi[a] + zi[b]);
                double oi = -0.5 * (zr[a] - zr[b]);
                // X_k = E + w^k O with w^k = cos - i sin of 2 pi k / n (the tables hold the forward angle)
                re[dst + k] = er + cos[k] * or - sin[k] * oi;
                im[dst + k] = ei + cos[k] * oi + sin[k] * or;
            }
        }
    }

    /**
     * Turns {@code lines} half spectra in {@code (re, im)} into real lines of length n written from
     * {@code out[offset]}, multiplied by {@code scale}. Destroys {@code re} and {@code im}.
     */
    static void inverse(double[] re, double[] im, int n, int lines, double[] out, int offset, double scale) {
        int bins = n / 2 + 1;
        if (n % 2 == 1 || n == 2) {
            FftPlan plan = FftPlan.forLength(n);
            double[] lr = new double[n];
            double[] li = new double[n];
            for (int l = 0; l < lines; l++) {
                int src = l * bins;
                lr[0] = re[src];
                li[0] = 0;
                for (int k = 1; k < bins; k++) {
                    lr[k] = re[src + k];
                    li[k] = im[src + k];
                    lr[n - k] = re[src + k];
                    li[n - k] = -im[src + k];
                }
                if (n % 2 == 0) {
                    li[n / 2] = 0;
                }
                plan.inverse(lr, li, 0);
                for (int j = 0; j < n; j++) {
                    out[offset + l * n + j] = lr[j] * scale;
                }
            }
            return;
        }
        int h = n / 2;
        FftPlan plan = FftPlan.forLength(h);
        double[] zr = new double[h];
        double[] zi = new double[h];
        double[] cos = plan.realCos();
        double[] sin = plan.realSin();
        for (int l = 0; l < lines; l++) {
            int src = l * bins;
            // The zero and Nyquist bins of a real signal are real: their imaginary parts are ignored.
            im[src] = 0;
            im[src + h] = 0;
            for (int k = 0; k < h; k++) {
                // X_{k+h} = conj X_{h-k}; E = (X_k + X_{k+h}) / 2, O = (X_k - X_{k+h}) w^{-k} / 2
                double ar = re[src + k];
                double ai = im[src + k];
                double br = re[src + h - k];
                double bi = -im[src + h - k];
                double er = 0.5 * (ar + br);
                double ei = 0.5 * (ai + bi);
                double dr = 0.5 * (ar - br);
                double di = 0.5 * (ai - bi);
                // w^{-k} = cos + i sin of 2 pi k / n, i.e. cos[k] - i sin[k] with the forward tables
                double or = dr * cos[k] + di * sin[k];
                double oi = di * cos[k] - dr * sin[k];
                // Z = E + i O
                zr[k] = er - oi;
                zi[k] = ei + or;
            }
            plan.inverse(zr, zi, 0);
            int dst = offset + l * n;
            // The inverse of length h already divides by nothing; E and O were halved, so scale by 2.
            for (int j = 0; j < h; j++) {
                out[dst + 2 * j] = zr[j] * scale * 2;
                out[dst + 2 * j + 1] = zi[j] * scale * 2;
            }
        }
    }
}

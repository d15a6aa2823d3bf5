package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Blurs each image with probability {@code p} by a normalised Gaussian of deviation uniform in
 * {@code [minSigma, maxSigma]} pixels, over a {@code kernel x kernel} window (zero padding keeps the size); an image
 * not blurred gets the delta kernel. All images and channels go through one grouped convolution with a kernel per
 * (image, channel).
 */
public final class GaussianBlur implements Augmentation {
    private final int kernel;
    private final double minSigma;
    private final double maxSigma;
    private final double p;

    public GaussianBlur(int kernel, double minSigma, double maxSigma, double p) {
        if (kernel < 1 || kernel % 2 == 0) {
            throw new InvalidArgumentException("GaussianBlur: expected an odd kernel size >= 1 but was " + kernel);
        }
        if (!(minSigma > 0 && minSigma <= maxSigma)) {
            throw new InvalidArgumentException("GaussianBlur: expected 0 < minSigma <= maxSigma but was [" + minSigma + ", "
                    + maxSigma + "]");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new InvalidArgumentException("GaussianBlur: expected a probability in [0, 1] but was " + p);
        }
        this.kernel = kernel;
        this.minSigma = minSigma;
        this.maxSigma = maxSigma;
        this.p = p;
    }

    @Override
    public Tensor apply(Tensor images, Rng rng) {
        Images.requireBatch(toString(), images);
        int n = images.size(0);
        int channels = images.size(1);
        int h = images.size(2);
        int w = images.size(3);
        int taps = kernel * kernel;
        double[] weights = new double[n * channels * taps];
        for (int k = 0; k < n; k++) {
            boolean blur = rng.nextDouble() < p;
            double sigma = Images.uniform(rng, minSigma, maxSigma);
            double[] window = blur ? gaussian(sigma) : delta();
            for (int c = 0; c < channels; c++) {
                System.arraycopy(window, 0, weights, (k * channels + c) * taps, taps);
            }
        }
        Tensor filters = Tensors.of(weights, images.dtype(), n * channels, 1, kernel, kernel);
        ConvSpec spec = ConvSpec.of(2).withPadding(kernel / 2).withGroups(n * channels);
        return images.reshape(1, n * channels, h, w).conv(filters, null, spec).reshape(n, channels, h, w);
    }

    private double[] gaussian(double sigma) {
        int half = kernel / 2;
        double[] out = new double[kernel * kernel];
        double total = 0;
        for (int r = 0; r < kernel; r++) {
            for (int q = 0; q < kernel; q++) {
                double d2 = (r - half) * (r - half) + (q - half) * (q - half);
                out[r * kernel + q] = Math.exp(-d2 / (2 * sigma * sigma));
                total += out[r * kernel + q];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= total;
        }
        return out;
    }

    private double[] delta() {
        double[] out = new double[kernel * kernel];
        out[(kernel / 2) * kernel + kernel / 2] = 1;
        return out;
    }

    @Override
    public String toString() {
        return "GaussianBlur(" + kernel + "x" + kernel + ", sigma [" + minSigma + ", " + maxSigma + "], p " + p + ")";
    }
}

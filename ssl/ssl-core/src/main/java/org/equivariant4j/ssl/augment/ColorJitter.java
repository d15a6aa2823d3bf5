package org.equivariant4j.ssl.augment;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Brightness and contrast jitter per image: brightness multiplies every pixel by a factor uniform in
 * {@code [1 - brightness, 1 + brightness]}; contrast then scales the deviation from the image's mean by a factor
 * uniform in {@code [1 - contrast, 1 + contrast]}, keeping that mean (torchvision's order and definitions, with the
 * mean over all channels instead of the grey level). Zero jitter is the identity.
 */
public final class ColorJitter implements Augmentation {
    private final double brightness;
    private final double contrast;

    public ColorJitter(double brightness, double contrast) {
        if (!(brightness >= 0 && brightness < 1 && contrast >= 0 && contrast < 1)) {
            throw new InvalidArgumentException("ColorJitter: expected brightness and contrast in [0, 1) but were " + brightness
                    + ", " + contrast);
        }
        this.brightness = brightness;
        this.contrast = contrast;
    }

    @Override
    public Tensor apply(Tensor images, Rng rng) {
        Images.requireBatch(toString(), images);
        int n = images.size(0);
        double[] b = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            b[k] = Images.uniform(rng, 1 - brightness, 1 + brightness);
            c[k] = Images.uniform(rng, 1 - contrast, 1 + contrast);
        }
        Tensor bright = images.mul(Images.perImage(b, images));
        Tensor mean = bright.mean(new int[] {1, 2, 3}, true);
        return bright.sub(mean).mul(Images.perImage(c, images)).add(mean);
    }

    @Override
    public String toString() {
        return "ColorJitter(brightness " + brightness + ", contrast " + contrast + ")";
    }
}

package org.equivariant4j.ssl.augment;

import java.util.List;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Augmentations applied in order, and the two views of a batch that joint-embedding SSL methods compare. The views
 * draw from the one {@code rng} one after the other, so (images, seed) fixes both.
 */
public final class AugmentationPipeline implements Augmentation {
    private final List<Augmentation> steps;

    public AugmentationPipeline(List<? extends Augmentation> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * The SimCLR family of views for small single- or multi-channel images: a resized crop of {@code minCropScale} to
     * 100 % of the area (SimCLR's 8 % is too aggressive for images of 16 pixels), a flip, a rotation of up to
     * {@code maxDegrees}, brightness/contrast jitter of 0.4, a 3x3 blur half of the time and noise of deviation
     * {@code noise}.
     */
    public static AugmentationPipeline standard(double minCropScale, double maxDegrees, double noise) {
        return new AugmentationPipeline(List.of(new RandomResizedCrop(minCropScale, 1.0, 4.0 / 3), new RandomFlip(0.5),
                new RandomRotation(maxDegrees), new ColorJitter(0.4, 0.4), new GaussianBlur(3, 0.1, 1.5, 0.5),
                new GaussianNoise(noise)));
    }

    public List<Augmentation> steps() {
        return steps;
    }

    @Override
    public Tensor apply(Tensor images, Rng rng) {
        Images.requireBatch(toString(), images);
        Tensor out = images;
        for (Augmentation step : steps) {
            out = step.apply(out, rng);
        }
        return out;
    }

    /** Two views of {@code images}: the pipeline applied twice with successive draws from {@code rng}. */
    public TwoViews twoViews(Tensor images, Rng rng) {
        Tensor first = apply(images, rng);
        return new TwoViews(first, apply(images, rng));
    }

    @Override
    public String toString() {
        return "AugmentationPipeline" + steps;
    }
}

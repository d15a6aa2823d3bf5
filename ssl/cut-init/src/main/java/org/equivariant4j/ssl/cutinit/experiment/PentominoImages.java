package org.equivariant4j.ssl.cutinit.experiment;

import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.gconv.regular.experiment.Pentominoes;
import org.equivariant4j.nn.data.TensorDataset;
import org.equivariant4j.ssl.augment.AugmentationPipeline;
import org.equivariant4j.ssl.augment.RandomFlip;
import org.equivariant4j.ssl.augment.RandomRotation;

import java.util.List;

/**
 * The in-process image set: gconv-regular's twelve noisy, blurred pentominoes ({@link Pentominoes}: random shift,
 * contrast and noise), each then turned by a random angle of up to {@code maxPose} degrees and mirrored half of the
 * time (pentominoes are free: a mirrored shape is the same class). With {@code maxPose} 180 a class is one shape in any
 * pose; that set is much harder at our budget (README). Features FLOAT32 {@code [N, 1, size, size]}, labels INT64 {@code [N]} (12 classes, balanced).
 */
final class PentominoImages {
    static final int CLASSES = Pentominoes.classes();

    private PentominoImages() {
    }

    static TensorDataset generate(int n, int size, double maxPose, Rng rng) {
        int cell = Math.max(1, size / 8);
        TensorDataset upright = Pentominoes.generate(n, size, cell, Math.max(1, size / 8), 0.1, rng.split());
        Tensor images = upright.features().reshape(n, 1, size, size);
        Tensor posed = new AugmentationPipeline(List.of(new RandomRotation(maxPose), new RandomFlip(0.5))).apply(images, rng.split());
        return new TensorDataset(posed, upright.labels());
    }
}

package org.equivariant4j.gconv.weightsharing.experiments;

import java.util.ArrayList;
import java.util.List;

import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.GradMode;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.data.TensorDataset;

/**
 * The hidden targets of the discovery experiments: a lifting layer whose kernels are random templates {@code T_c}
 * (k x k) in every pose g of a {@link PoseSymmetry} S (rotations by multiples of 90 degrees, or the identity and a
 * mirror), made with tensor flips and transposes, independently of the weight-sharing code under test. Three targets:
 * <ul>
 *   <li>{@link #maps}: the response maps {@code (g·T_c) ⋆ f}, one per template and pose (equivariant);</li>
 *   <li>{@link #field}: {@code pool_{g ∈ S} relu((g·T_c) ⋆ f)(x)} at every pixel (equivariant, pose order not given);</li>
 *   <li>{@link #raw}: {@code Σ_c w_c · pool_{g ∈ S} pool_x relu((g·T_c) ⋆ f)(x)}, one number per image (invariant).</li>
 * </ul>
 * Rotating (mirroring) the input by an element of S permutes the poses, so the pooled targets are invariant under S;
 * random templates have no symmetry of their own, so they are not invariant under anything else. Each pool is a max or
 * a mean, the same as the learner's. The learner sees only (image, target) pairs.
 */
final class HiddenTeacher {
    private final List<Tensor> kernels = new ArrayList<>();
    private final Tensor weights;
    private final int kernelSize;
    private final boolean maxOverSpace;
    private final boolean maxOverGroup;
    private final int templates;

    HiddenTeacher(PoseSymmetry symmetry, int templates, int kernelSize, boolean maxOverSpace, boolean maxOverGroup, Rng rng) {
        this.kernelSize = kernelSize;
        this.maxOverSpace = maxOverSpace;
        this.maxOverGroup = maxOverGroup;
        this.templates = templates;
        Tensor t = Tensors.randn(rng, templates, 1, kernelSize, kernelSize);
        for (int turns : symmetry.quarterTurns()) {
            Tensor k = t;
            for (int i = 0; i < turns; i++) {
                k = k.transpose(2, 3).flip(2); // numpy rot90 of every template
            }
            kernels.add(k);
            if (symmetry.flips()) {
                kernels.add(k.flip(3));
            }
        }
        this.weights = Tensors.randn(rng, templates, 1).mul(1.0 / Math.sqrt(templates));
    }

    /** The same images with their targets {@code [N, 1]}, standardised to mean 0 and variance 1 over the set. */
    TensorDataset label(Tensor images, double mean, double std) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            Tensor y = raw(images);
            return new TensorDataset(images, y.sub(mean).div(std));
        }
    }

    /**
     * The hidden equivariant field {@code [N, templates, H, W]}: {@code pool_{g ∈ S} relu((g·T_c) ⋆ f)(x)} at every
     * position, before any spatial pooling, divided by {@code scale}.
     */
    TensorDataset field(Tensor images, double scale) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            List<Tensor> perPose = new ArrayList<>();
            for (Tensor k : kernels) {
                perPose.add(images.conv(k, null, ConvSpec.of(2).withPadding(kernelSize / 2)).relu());
            }
            Tensor stacked = Tensors.stack(2, perPose);                       // [N, templates, poses, H, W]
            Tensor pooled = maxOverGroup ? stacked.max(2, false) : stacked.mean(2, false);
            return new TensorDataset(images, pooled.div(scale));
        }
    }

    /**
     * The hidden lifting layer's response maps {@code [N, templates·|S|, H, W]} (template major, pose fastest, poses in
     * the order of {@link PoseSymmetry#quarterTurns()}): {@code (g·T_c) ⋆ f}, no pooling and no nonlinearity, divided by
     * {@code scale}. Rotating the input by a pose rotates every map and cycles the poses: an equivariant target.
     */
    TensorDataset maps(Tensor images, double scale) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            List<Tensor> perPose = new ArrayList<>();
            for (Tensor k : kernels) {
                perPose.add(images.conv(k, null, ConvSpec.of(2).withPadding(kernelSize / 2)));
            }
            Tensor stacked = Tensors.stack(2, perPose);                       // [N, templates, poses, H, W]
            int[] s = stacked.shape();
            return new TensorDataset(images, stacked.reshape(s[0], s[1] * s[2], s[3], s[4]).div(scale));
        }
    }

    /** Unstandardised targets {@code [N, 1]}. */
    Tensor raw(Tensor images) {
        try (GradMode.Scope ignored = GradMode.disabled()) {
            List<Tensor> perPose = new ArrayList<>();
            for (Tensor k : kernels) {
                Tensor r = images.conv(k, null, ConvSpec.of(2).withPadding(kernelSize / 2)).relu();
                int[] s = r.shape();
                Tensor flat = r.reshape(s[0], templates, s[2] * s[3]);
                perPose.add(maxOverSpace ? flat.max(2, false) : flat.mean(2, false));
            }
            Tensor stacked = Tensors.stack(2, perPose);                       // [N, templates, poses]
            Tensor pooled = maxOverGroup ? stacked.max(2, false) : stacked.mean(2, false);
            return pooled.matmul(weights);
        }
    }
}

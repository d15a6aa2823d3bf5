package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;

/**
 * Weight-sharing group layer: {@code [N, Cin·|G|, H, W]} (channel {@code ci·|G| + h}) to {@code [N, Cout·|G|, H, W]},
 * with a canonical kernel {@code [Cout, Cin, |G|, k, k]} and |G| learned doubly stochastic matrices over the |G|·k²
 * positions (input group channel, kernel cell), so a learned matrix can both permute the input group channels and
 * move the kernel cells. {@link #tied()} is the group convolution of a regular G-CNN ({@link KernelPermutations#regular}:
 * {@code Cin x regular -> Cout x regular}).
 */
public final class WeightSharingGroupConv extends WeightSharingConv {

    public WeightSharingGroupConv(FiniteGroup group, int inChannels, int outChannels, int kernelSize, WeightSharingOptions options,
            Rng rng) {
        super(group, inChannels, group.order(), outChannels, kernelSize, options, rng);
    }

    @Override
    public double[][][] groupPermutations() {
        return KernelPermutations.regular(group(), kernelSize());
    }

    @Override
    Representation inputRepresentation() {
        return Representation.regular(group());
    }
}

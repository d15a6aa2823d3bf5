package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;

/**
 * Weight-sharing lifting layer: images {@code [N, Cin, H, W]} to {@code [N, Cout·|G|, H, W]}, with a canonical kernel
 * {@code [Cout, Cin, k, k]} and |G| learned doubly stochastic matrices over the k² kernel positions (see
 * {@link WeightSharingConv} for the layout). {@link #tied()} is the lifting convolution of a regular G-CNN
 * ({@code Cin x trivial -> Cout x regular}).
 */
public final class WeightSharingLifting extends WeightSharingConv {

    /**
     * @param group labels the |G| output channels of each field (its order is |G|); {@link #tied()} is equivariant to it
     */
    public WeightSharingLifting(FiniteGroup group, int inChannels, int outChannels, int kernelSize, WeightSharingOptions options,
            Rng rng) {
        super(group, inChannels, 1, outChannels, kernelSize, options, rng);
    }

    @Override
    public double[][][] groupPermutations() {
        return KernelPermutations.spatial(group(), kernelSize());
    }

    @Override
    Representation inputRepresentation() {
        return Representation.trivial(group());
    }
}

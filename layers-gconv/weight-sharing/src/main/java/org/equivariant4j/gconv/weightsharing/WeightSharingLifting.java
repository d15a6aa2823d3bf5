package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;

/**
 * Weight-sharing lifting layer: images {@code [N, Cin, H, W]} (Cin trivial fields) to {@code Cout x regular} fields
 * {@code [N, Cout·|G|, H, W]}, with a canonical kernel {@code [Cout, Cin, k, k]} and |G| learned doubly stochastic
 * matrices over the k² kernel positions (see {@link WeightSharingConv} for the layout). Tied to C4 with
 * {@link #tieToGroup()}, it is the lifting convolution of a regular C4 G-CNN.
 */
public final class WeightSharingLifting extends WeightSharingConv {

    /**
     * @param group labels the |G| output channels of each field (its order is |G|); the layer is equivariant to it once
     *              tied, see {@link WeightSharingConv}
     */
    public WeightSharingLifting(FiniteGroup group, int inChannels, int outChannels, int kernelSize, WeightSharingOptions options,
            Rng rng) {
        super(group, FieldType.of(Domain.grid(2), copies(Representation.trivial(group), inChannels)), inChannels, 1, outChannels,
                kernelSize, options, rng);
    }

    @Override
    public double[][][] groupPermutations() {
        return KernelPermutations.spatial(group(), kernelSize());
    }
}

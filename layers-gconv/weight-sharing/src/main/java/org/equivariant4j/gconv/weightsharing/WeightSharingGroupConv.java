package org.equivariant4j.gconv.weightsharing;

import org.equivariant4j.core.field.Domain;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.group.Representation;
import org.equivariant4j.core.tensor.Rng;

/**
 * Weight-sharing group layer: {@code Cin x regular} fields {@code [N, Cin·|G|, H, W]} to {@code Cout x regular}
 * fields, with a canonical kernel {@code [Cout, Cin, |G|, k, k]} and |G| learned doubly stochastic matrices over the
 * |G|·k² positions (input group channel, kernel cell), so a learned matrix can both permute the input group channels
 * and move the kernel cells. Tied to a group with {@link #tieToGroup()} it is the group convolution of a regular
 * G-CNN ({@link KernelPermutations#regular}).
 */
public final class WeightSharingGroupConv extends WeightSharingConv {

    public WeightSharingGroupConv(FiniteGroup group, int inChannels, int outChannels, int kernelSize, WeightSharingOptions options,
            Rng rng) {
        super(group, FieldType.of(Domain.grid(2), copies(Representation.regular(group), inChannels)), inChannels, group.order(),
                outChannels, kernelSize, options, rng);
    }

    @Override
    public double[][][] groupPermutations() {
        return KernelPermutations.regular(group(), kernelSize());
    }
}

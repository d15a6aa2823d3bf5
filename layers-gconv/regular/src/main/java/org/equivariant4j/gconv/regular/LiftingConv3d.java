package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.tensor.Rng;

/**
 * Lifting convolution on volumes, Z³ → Z³⋊H: {@code [N, C, D, H, W]} to {@code [N, O·|H|, D, H, W]}. H is a finite group acting on R³ (the octahedral group O, its subgroups, O_h).
 * Channel {@code o·|H| + j} of the output is field o at the group element {@code elements().get(j)}. Kernel
 * transform and parameters: {@link RegularConv}; exact for groups mapping the cubic kernel grid onto itself.
 */
public final class LiftingConv3d extends RegularConv {

    /** With a bias per output field. */
    public LiftingConv3d(FiniteGroup group, int inChannels, int outFields, int kernelSize, Rng rng) {
        this(group, inChannels, outFields, kernelSize, true, rng);
    }

    /**
     * @param inChannels  input channels
     * @param outFields  output regular fields (O·|H| channels)
     * @param kernelSize odd kernel size k (a k^3 kernel)
     */
    public LiftingConv3d(FiniteGroup group, int inChannels, int outFields, int kernelSize, boolean bias, Rng rng) {
        super(group, 3, false, inChannels, outFields, kernelSize, bias, rng);
    }
}

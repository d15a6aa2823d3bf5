package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.tensor.Rng;

/**
 * Lifting convolution on images, Z² → Z²⋊H: {@code [N, C, H, W]} (C trivial channels) to {@code [N, O·|H|, H, W]} (O regular fields). H is C_n or D_n (any finite group acting on R²).
 * Channel {@code o·|H| + j} of the output is field o at the group element {@code elements().get(j)}. Kernel
 * transform and parameters: {@link RegularConv}; exact for groups mapping the cubic kernel grid onto itself.
 */
public final class LiftingConv2d extends RegularConv {

    /** With a bias per output field. */
    public LiftingConv2d(FiniteGroup group, int inChannels, int outFields, int kernelSize, Rng rng) {
        this(group, inChannels, outFields, kernelSize, true, rng);
    }

    /**
     * @param inChannels  input channels
     * @param outFields  output regular fields (O·|H| channels)
     * @param kernelSize odd kernel size k (a k^2 kernel)
     */
    public LiftingConv2d(FiniteGroup group, int inChannels, int outFields, int kernelSize, boolean bias, Rng rng) {
        super(group, 2, false, inChannels, outFields, kernelSize, bias, rng);
    }
}

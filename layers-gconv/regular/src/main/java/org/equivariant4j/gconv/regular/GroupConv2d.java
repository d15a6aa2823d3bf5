package org.equivariant4j.gconv.regular;

import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.tensor.Rng;

/**
 * Group convolution on images, Z²⋊H → Z²⋊H: {@code [N, C·|H|, H, W]} (C regular fields) to {@code [N, O·|H|, H, W]}. H is C_n or D_n (any finite group acting on R²).
 * Channel {@code o·|H| + j} of the output is field o at the group element {@code elements().get(j)}. Kernel
 * transform and parameters: {@link RegularConv}; exact for groups mapping the cubic kernel grid onto itself.
 */
public final class GroupConv2d extends RegularConv {

    /** With a bias per output field. */
    public GroupConv2d(FiniteGroup group, int inFields, int outFields, int kernelSize, Rng rng) {
        this(group, inFields, outFields, kernelSize, true, rng);
    }

    /**
     * @param inFields  input fields
     * @param outFields  output regular fields (O·|H| channels)
     * @param kernelSize odd kernel size k (a k^2 kernel)
     */
    public GroupConv2d(FiniteGroup group, int inFields, int outFields, int kernelSize, boolean bias, Rng rng) {
        super(group, 2, true, inFields, outFields, kernelSize, bias, rng);
    }
}

package org.equivariant4j.core.group;

import java.util.List;

/**
 * A compact continuous group (SO(2), O(2), SO(3), O(3)): infinitely many elements, a normalisable Haar
 * measure ({@link #sample}), uniform discretisations ({@link #grid}) and infinitely many irreps indexed
 * by a frequency (SO(2), O(2)) or degree (SO(3), O(3)).
 */
public interface CompactLieGroup extends Group {

    /**
     * A deterministic, approximately uniform set of {@code n} distinct elements, the identity first
     * (used to discretise the group, e.g. for regular group convolutions). Groups with a reflection or
     * inversion component document any constraint on {@code n}.
     */
    List<GroupElement> grid(int n);

    /**
     * The irreps of frequency (or degree) at most {@code bandLimit}, trivial first, each exactly once.
     */
    List<Representation> irreps(int bandLimit);
}

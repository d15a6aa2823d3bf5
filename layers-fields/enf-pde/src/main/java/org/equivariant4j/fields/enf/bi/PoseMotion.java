package org.equivariant4j.fields.enf.bi;

import org.equivariant4j.core.tensor.Tensor;

/**
 * One element g of the group a {@link BiInvariant} is invariant to, acting on domain coordinates and on poses. It is
 * used to test invariance and to transform data (a rotated initial condition). The action is computed in float64
 * and returned in the input's dtype; it is not meant to be differentiated.
 */
public interface PoseMotion {

    /** g·x for coordinates {@code [..., coordinateDim]}. */
    Tensor actOnCoordinates(Tensor coordinates);

    /** g·p for poses {@code [..., poseDim]}. */
    Tensor actOnPoses(Tensor poses);
}

package org.equivariant4j.core.layer;

/**
 * A layer's declaration that it is equivariant only up to an error it can bound, and why (e.g.
 * rotations by other than 90 degrees on a pixel grid need interpolation). The test kit checks
 * such a layer against these tolerances instead of the dtype defaults.
 *
 * @param absolute largest acceptable absolute error
 * @param relative largest acceptable error relative to the output's magnitude
 * @param reason   what makes the layer approximate, shown in every report
 */
public record ApproximateEquivariance(double absolute, double relative, String reason) {

    public ApproximateEquivariance {
        if (absolute < 0 || relative < 0 || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("ApproximateEquivariance: tolerances must be >= 0 and a reason given");
        }
    }
}

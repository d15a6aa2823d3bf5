package org.equivariant4j.core.layer;

import org.equivariant4j.core.error.Equivariant4jException;

/**
 * A layer's declaration that it is equivariant only up to an error it can bound, and why (e.g.
 * rotations by other than 90 degrees on a pixel grid need interpolation). The test kit checks
 * such a layer against these tolerances instead of the dtype defaults.
 *
 * <p>A declaration is a claim that must be able to fail: the bounds are finite numbers, the reason
 * says what makes the layer approximate (a blank one is refused), and the layer's tests show a
 * negative control, a deliberately broken copy of the layer that exceeds the bound (the test kit's
 * {@code EquivarianceAssert.exceedsTheBoundDeclaredBy}). Never set a bound just above what was measured.
 *
 * @param absolute largest acceptable absolute error, finite and &gt;= 0
 * @param relative largest acceptable error relative to the output's magnitude, finite and &gt;= 0
 * @param reason   what makes the layer approximate, shown in every report; not blank
 */
public record ApproximateEquivariance(double absolute, double relative, String reason) {

    public ApproximateEquivariance {
        if (reason == null || reason.isBlank()) {
            throw new Equivariant4jException("ApproximateEquivariance(" + absolute + ", " + relative + "): expected a reason"
                    + " saying what makes the layer approximate, but was " + (reason == null ? "null" : "'" + reason + "'"));
        }
        if (!(absolute >= 0) || !(relative >= 0) || Double.isInfinite(absolute) || Double.isInfinite(relative)) {
            throw new Equivariant4jException("ApproximateEquivariance '" + reason + "': expected finite tolerances >= 0, but"
                    + " was absolute " + absolute + " and relative " + relative);
        }
    }
}

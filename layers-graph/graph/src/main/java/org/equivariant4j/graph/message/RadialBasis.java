package org.equivariant4j.graph.message;


import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A normalised radial-basis expansion of squared distances, for conditioning message functions on geometry:
 * with {@code r = |x_i - x_j|} and {@code K} centres {@code μ_k} evenly spaced on {@code [0, rMax]} at spacing
 * {@code w},
 * <pre>
 *   φ_k(r) = exp(-((r - μ_k) / w)²) / Σ_l exp(-((r - μ_l) / w)²)      (a softmax over k)
 * </pre>
 * Every edge gets K values in [0, 1] that sum to 1 whatever its distance: a soft one-hot of the distance.
 * That normalisation is what lets strong conditioning (a gate {@code U φ + c}) and pure conditioning (a map
 * {@code Σ_k φ_k W_k}, a convex mixture of K linear maps) use the geometry without their outputs growing with
 * the distance, as they do with the raw squared distance (which reaches ~100 in the N-body systems and makes
 * those models explode at initialisation). Distances beyond {@code rMax} saturate on the last centre. Computed
 * in the log domain (a softmax), so no basis underflows to 0/0 at any distance; invariant under E(n) since it
 * sees distances only.
 */
public final class RadialBasis {
    private final int centres;
    private final double maxDistance;

    private RadialBasis(int centres, double maxDistance) {
        this.centres = centres;
        this.maxDistance = maxDistance;
    }

    /** {@code centres} (at least 2) Gaussians on {@code [0, maxDistance]} (finite, positive), width their spacing. */
    public static RadialBasis of(int centres, double maxDistance) {
        if (centres < 2 || !(maxDistance > 0) || !Double.isFinite(maxDistance)) {
            throw new InvalidArgumentException("RadialBasis: need at least 2 centres on (0, rMax] with a finite rMax > 0, got "
                    + centres + " centres, rMax " + maxDistance);
        }
        return new RadialBasis(centres, maxDistance);
    }

    /** Number of basis functions: the columns {@link #expand} returns. */
    public int size() {
        return centres;
    }

    public double maxDistance() {
        return maxDistance;
    }

    /** The spacing of the centres, also the Gaussians' width. */
    public double width() {
        return maxDistance / (centres - 1);
    }

    /** {@code [E, 1]} squared distances (non-negative) to {@code [E, K]} basis values; differentiable. */
    public Tensor expand(Tensor squaredDistances) {
        if (squaredDistances.rank() != 2 || squaredDistances.size(1) != 1) {
            throw new ShapeMismatchException(this + ": expected squared distances [edges, 1] but was "
                    + java.util.Arrays.toString(squaredDistances.shape()));
        }
        DType dtype = squaredDistances.dtype();
        double[] mu = new double[centres];
        for (int k = 0; k < centres; k++) {
            mu[k] = k * width();
        }
        Tensor z = squaredDistances.sqrt().sub(Tensors.of(mu, dtype, 1, centres)).div(width());
        return z.mul(z).neg().softmax(1);
    }

    @Override
    public String toString() {
        return "RadialBasis(" + centres + " centres on [0, " + maxDistance + "])";
    }
}

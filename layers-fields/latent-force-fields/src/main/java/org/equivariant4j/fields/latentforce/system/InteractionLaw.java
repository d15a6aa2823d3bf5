package org.equivariant4j.fields.latentforce.system;

/**
 * How the particles of a {@link FieldSystem} act on each other and how the static field acts on them. Each
 * particle carries one coupling {@code c_i}: a charge for {@link #COULOMB}, a mass for {@link #GRAVITY}.
 */
public enum InteractionLaw {
    /**
     * Charges: {@code a_i = k Σ_j c_i c_j (x_i - x_j) / r³ + c_i E(x_i)} (unit masses; like charges repel), where
     * {@code E} is the field of the static source charges.
     */
    COULOMB,
    /**
     * Masses: {@code a_i = G Σ_j c_j (x_j - x_i) / r³ + g(x_i)} (attractive; a particle's own mass cancels), where
     * {@code g} is the acceleration field of the static masses.
     */
    GRAVITY;

    /** The factor of {@code (x_i - x_j) / r³} in particle i's acceleration due to particle j, for strength 1. */
    double pairFactor(double ci, double cj) {
        return this == COULOMB ? ci * cj : -cj;
    }

    /** The factor of the static field in particle i's acceleration. */
    double fieldFactor(double ci) {
        return this == COULOMB ? ci : 1.0;
    }

    /** The sign with which a static source of strength s pulls ({@code < 0}) or pushes ({@code > 0}) a unit coupling. */
    double sourceSign() {
        return this == COULOMB ? 1.0 : -1.0;
    }
}

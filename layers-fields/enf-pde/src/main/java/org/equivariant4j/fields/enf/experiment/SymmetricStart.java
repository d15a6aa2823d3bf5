package org.equivariant4j.fields.enf.experiment;

import java.util.Locale;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.fields.enf.fit.LatentInitialisation;

/**
 * The reference code's start for fitting on flat domains: latent positions on a regular n x n grid of cell centres
 * (over [-1, 1]² on the plane, over the unit torus), every context the same vector of ones, and, for oriented poses,
 * each latent facing away from the origin. Such a start is mapped onto itself, up to the order of its latents, by the
 * grid's symmetries (quarter turns about the origin, and on the torus shifts by whole cells), and the field and the
 * inner steps do not care about that order; so fitting a turned initial condition from it gives the turned fit, where
 * a random start (the {@link LatentInitialisation} default) would give another one. The sphere has no finite start
 * invariant under its rotations; it keeps the random one.
 */
final class SymmetricStart {
    private SymmetricStart() {
    }

    /** Overwrites the start of {@code start} for a domain of the given pose layout ({@code periodic}: the unit torus). */
    static void apply(LatentInitialisation start, int latents, int poseDim, boolean periodic) {
        int n = (int) Math.round(Math.sqrt(latents));
        if (n * n != latents || (poseDim != 2 && poseDim != 3)) {
            throw new InvalidArgumentException(String.format(Locale.ROOT, "SymmetricStart: needs a square number of"
                    + " latents on a 2-D domain with poses of 2 or 3 numbers, got %d latents and poses of %d", latents,
                    poseDim));
        }
        double[] poses = new double[latents * poseDim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                double x = periodic ? (i + 0.5) / n : -1 + (2 * i + 1.0) / n;
                double y = periodic ? (j + 0.5) / n : -1 + (2 * j + 1.0) / n;
                poses[k * poseDim] = x;
                poses[k * poseDim + 1] = y;
                if (poseDim == 3) {
                    poses[k * poseDim + 2] = Math.atan2(y, x);
                }
            }
        }
        int contextDim = start.namedParameters().get("contexts").shape()[1];
        start.namedParameters().get("poses").set(Tensors.of(poses, DType.FLOAT32, latents, poseDim));
        Tensor ones = Tensors.ones(DType.FLOAT32, latents, contextDim);
        start.namedParameters().get("contexts").set(ones);
    }
}

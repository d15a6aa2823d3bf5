package org.equivariant4j.fields.enf.pde;

import java.util.Arrays;
import java.util.List;

import org.equivariant4j.core.error.UnknownIdException;

/** The three PDE forecasting problems of the ENF experiments, each named by the id the CLI and configs use. */
public enum PdeProblem {
    /** Heat diffusion on the square [-3, 3]^2 from a point source (no-flux boundary). */
    HEAT_PLANE("heat-plane"),
    /** Forced, viscous vorticity on the unit torus [0, 1)^2 (periodic). */
    NAVIER_STOKES("navier-stokes"),
    /** Heat diffusion on the unit sphere from Gaussian peaks. */
    HEAT_SPHERE("heat-sphere");

    private final String id;

    PdeProblem(String id) {
        this.id = id;
    }

    /** The settings of the reference code (full size). */
    public PdeConfig reference() {
        return switch (this) {
            case HEAT_PLANE -> HeatPlaneConfig.reference();
            case NAVIER_STOKES -> NavierStokesConfig.reference();
            case HEAT_SPHERE -> HeatSphereConfig.reference();
        };
    }

    /** The reference physics on a small grid: for tests and toy experiments. */
    public PdeConfig toy() {
        return switch (this) {
            case HEAT_PLANE -> HeatPlaneConfig.toy();
            case NAVIER_STOKES -> NavierStokesConfig.toy();
            case HEAT_SPHERE -> HeatSphereConfig.toy();
        };
    }

    /** The id, e.g. {@code "heat-plane"}. */
    public String id() {
        return id;
    }

    /** The problem with this id, or an {@link UnknownIdException} listing the known ids. */
    public static PdeProblem of(String id) {
        for (PdeProblem p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new UnknownIdException("PDE problem", id, ids());
    }

    /** All ids, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(PdeProblem::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}

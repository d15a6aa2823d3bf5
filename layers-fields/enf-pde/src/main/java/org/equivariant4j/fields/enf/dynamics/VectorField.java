package org.equivariant4j.fields.enf.dynamics;

/**
 * The right-hand side of an autonomous ODE {@code dx/dt = f(x)}: the derivative of a state, as a state of the same
 * arity and shapes. Autonomous because the latent dynamics of a PDE with time-independent coefficients do not depend on
 * the clock (the reference code passes t and ignores it).
 */
@FunctionalInterface
public interface VectorField {

    /** {@code f(state)}, with the arity and shapes of {@code state}. */
    OdeState derivative(OdeState state);
}

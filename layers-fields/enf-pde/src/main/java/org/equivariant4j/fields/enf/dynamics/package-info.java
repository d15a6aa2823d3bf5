/**
 * Latent dynamics: an ODE on the latent point cloud whose vector field is an equivariant message-passing network
 * ({@link org.equivariant4j.fields.enf.dynamics.LatentOde}), and the fixed-step integrators that roll it out
 * ({@link org.equivariant4j.fields.enf.dynamics.OdeMethod}), differentiable through every step.
 */
package org.equivariant4j.fields.enf.dynamics;

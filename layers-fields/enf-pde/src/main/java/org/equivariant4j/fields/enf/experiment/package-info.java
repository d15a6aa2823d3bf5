/**
 * The ENF forecasting experiments: an {@link org.equivariant4j.fields.enf.experiment.EnfForecaster} (field, meta-learned
 * fitting, latent ODE) per bi-invariant, trained on simulated PDE trajectories observed at sparse points and scored in
 * and beyond the training horizon, on test initial conditions as drawn and as moved by a symmetry.
 */
package org.equivariant4j.fields.enf.experiment;

/**
 * Latent force fields (Kofinas et al., NeurIPS 2023, "Aether"): particles that interact with each other
 * (a law of relative positions, E(n)-equivariant) and with a static global field (a function of absolute
 * position, which breaks the symmetry). A neural field of absolute position learns the global field from the
 * trajectories alone, beside an equivariant interaction network.
 *
 * <ul>
 * <li>{@code system}: the simulated systems (electrostatic in 2D, gravitational in 3D) and their ground-truth
 * fields;</li>
 * <li>{@code model}: the neural field, the forecasting models and the integrator;</li>
 * <li>{@code experiment}: the CLI experiments {@code lff-electrostatic} and {@code lff-gravitational};</li>
 * <li>{@code plugin}: the plugin that contributes them.</li>
 * </ul>
 */
package org.equivariant4j.fields.latentforce;

/**
 * The PDE data of the ENF experiments, simulated in-process from a seed and cached on disk: heat on the plane
 * ({@link org.equivariant4j.fields.enf.pde.PlaneHeatSolver}), forced Navier-Stokes vorticity on the torus
 * ({@link org.equivariant4j.fields.enf.pde.TorusVorticitySolver}) and heat on the sphere
 * ({@link org.equivariant4j.fields.enf.pde.SphereHeatSolver}); one {@link org.equivariant4j.fields.enf.pde.PdeConfig}
 * per problem and size; {@link org.equivariant4j.fields.enf.pde.PdeDataset} with train, test and transformed-test
 * splits (the test initial conditions moved by a symmetry); the seen/unseen point split
 * ({@link org.equivariant4j.fields.enf.pde.ObservedPoints}); the shared forecast error
 * ({@link org.equivariant4j.fields.enf.pde.ForecastMse}) and a PNG of frames
 * ({@link org.equivariant4j.fields.enf.pde.FrameFigure}).
 *
 * <pre>{@code
 * PdeDataset data = PdeDataset.load(PdeProblem.of("heat-plane").toy(), 0, 64, 16);
 * Tensor coordinates = data.grid().coordinateTensor();   // [P, 2]
 * Tensor train = data.train().tensor();                   // [64, 20, P]
 * ObservedPoints points = data.observed(0.25);            // seen / unseen indices
 * }</pre>
 */
package org.equivariant4j.fields.enf.pde;

/**
 * Equivariance measurement without a test framework, the half of e3nn's split that an application and the
 * {@code eq4j} command use: {@link org.equivariant4j.equivariance.EquivarianceChecker} measures
 * {@code f(g·x)} against {@code g·f(x)} per group element into an
 * {@link org.equivariant4j.equivariance.EquivarianceReport};
 * {@link org.equivariant4j.equivariance.Tolerance} is the per-dtype verdict;
 * {@link org.equivariant4j.equivariance.RandomFields} makes the seeded inputs;
 * {@link org.equivariant4j.equivariance.PermutationEquivariance} measures set-like inputs under node
 * permutations; {@link org.equivariant4j.equivariance.PerturbedCopy} is the broken copy of a negative control.
 * The JUnit/AssertJ half (assertions, layer contract, registered-layers test) is {@code equivariant4j-testkit}.
 */
package org.equivariant4j.equivariance;

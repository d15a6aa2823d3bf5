/**
 * The equivariance test kit, measurement apart from policy (e3nn's split):
 * {@link org.equivariant4j.testkit.equivariance.EquivarianceChecker} measures
 * {@code f(g·x)} against {@code g·f(x)} per group element into an
 * {@link org.equivariant4j.testkit.equivariance.EquivarianceReport};
 * {@link org.equivariant4j.testkit.equivariance.Tolerance} is the per-dtype verdict;
 * {@link org.equivariant4j.testkit.equivariance.EquivarianceAssertions} asserts it the AssertJ way;
 * {@link org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest} is the contract a layer's
 * build extends; {@link org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest} proves
 * every layer a plugin registers; {@link org.equivariant4j.testkit.equivariance.RandomFields} makes the
 * seeded inputs.
 */
package org.equivariant4j.testkit.equivariance;

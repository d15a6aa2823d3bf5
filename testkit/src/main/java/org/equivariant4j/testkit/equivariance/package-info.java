/**
 * The equivariance test kit, the assertion half of e3nn's split, on top of the measurement in
 * {@code org.equivariant4j.equivariance} (module {@code equivariant4j-equivariance}, no JUnit or AssertJ):
 * {@link org.equivariant4j.testkit.equivariance.EquivarianceAssertions} asserts an
 * {@link org.equivariant4j.equivariance.EquivarianceChecker}'s measurement the AssertJ way;
 * {@link org.equivariant4j.testkit.equivariance.EquivariantLayerContractTest} is the contract a layer's
 * build extends; {@link org.equivariant4j.testkit.equivariance.RegisteredLayersEquivarianceTest} proves
 * every layer a plugin registers.
 */
package org.equivariant4j.testkit.equivariance;

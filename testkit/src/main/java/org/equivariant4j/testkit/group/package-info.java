/**
 * Contract tests for groups and representations that third parties extend:
 * {@link org.equivariant4j.testkit.group.GroupContractTest} and
 * {@link org.equivariant4j.testkit.group.RepresentationContractTest} (JUnit 5 dynamic tests, one per group
 * element, seeds in every failure message), and the AssertJ assertions they fail through
 * ({@link org.equivariant4j.testkit.group.GroupAssertions}).
 */
package org.equivariant4j.testkit.group;

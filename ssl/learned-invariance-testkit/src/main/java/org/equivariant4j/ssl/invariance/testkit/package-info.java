/**
 * AssertJ assertions on the learned-invariance measurement ({@code org.equivariant4j.ssl.invariance}): add this
 * artifact in test scope and check a trained classifier, e.g.
 * {@code assertThat(InvarianceChecker.of("mine", model, model::forward, action)).isInvariantOn(testImages)}.
 */
package org.equivariant4j.ssl.invariance.testkit;

/**
 * Learned versus genuine invariance (Moskalev et al. 2023, paper 6): how far a trained classifier is from
 * invariance under a finite group acting on its inputs, measured per group element ({@link
 * org.equivariant4j.ssl.invariance.InvarianceChecker} → {@link org.equivariant4j.ssl.invariance.InvarianceReport}),
 * the invariance-error penalty that pushes a non-tied model toward invariance during training ({@link
 * org.equivariant4j.ssl.invariance.InvarianceRegularizer}), and the input-sensitivity measures behind the paper's
 * "spectral decay" ({@link org.equivariant4j.ssl.invariance.InputSensitivity}).
 *
 * <p>The paper has no public code and publishes only the metrics' names; every definition here is ours and is
 * written out in the Javadoc of the class that computes it. Measurement has no test framework; the AssertJ
 * assertions on a report live in {@code equivariant4j-ssl-learned-invariance-testkit}.
 */
package org.equivariant4j.ssl.invariance;

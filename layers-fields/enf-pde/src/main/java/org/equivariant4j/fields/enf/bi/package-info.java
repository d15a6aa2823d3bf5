/**
 * Bi-invariants of a coordinate and a latent's pose, the only way an equivariant neural field sees where a query is
 * relative to its latents: the {@link org.equivariant4j.fields.enf.bi.BiInvariant} SPI, its registry
 * {@link org.equivariant4j.fields.enf.bi.BiInvariants} (providers found by ServiceLoader), the group actions used to
 * test and transform data ({@link org.equivariant4j.fields.enf.bi.PoseMotion}), and the shipped implementations:
 * absolute position (the non-equivariant baseline), translation, SE(2), the periodic torus and the sphere.
 */
package org.equivariant4j.fields.enf.bi;

/**
 * The equivariant cross-attention neural field: {@link org.equivariant4j.fields.enf.field.LatentPointCloud} latents
 * decoded at any coordinates by {@link org.equivariant4j.fields.enf.field.EquivariantCrossAttentionField}, which sees
 * positions only through bi-invariants, embedded by random Fourier features or polynomials
 * ({@link org.equivariant4j.fields.enf.field.InvariantEmbedding}).
 */
package org.equivariant4j.fields.enf.field;

/**
 * Equivariant neural fields for space-time continuous PDE forecasting (paper 3: Knigge et al. 2024). A solution at a
 * time is a latent point cloud of poses and context vectors; a cross-attention field decodes it at any coordinate
 * through bi-invariants of (coordinate, pose); latents are fitted by meta-learned auto-decoding and moved in time by an
 * equivariant ODE on the latent point cloud. Work in progress: see the module README for what is there.
 */
package org.equivariant4j.fields.enf;

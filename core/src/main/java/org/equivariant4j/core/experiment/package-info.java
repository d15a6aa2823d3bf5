/**
 * The experiment SPI: a reproducible training run a plugin contributes, with typed options, its own
 * data generator, per-step progress, per-epoch metrics, a final result table and a model whose
 * state dict is the checkpoint. Engine-agnostic: hosts ({@code eq4j run}) drive it.
 */
package org.equivariant4j.core.experiment;

/**
 * What {@code eq4j run} does around an experiment: the training loop with per-epoch checkpoints
 * and stop requests, the output folder and its files (config, metrics, plot, checkpoint, results),
 * and progress display. Engine-agnostic; the checkpoint format is nn's safetensors.
 */
package org.equivariant4j.cli.run;

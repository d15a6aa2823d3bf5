/**
 * Engine-agnostic building blocks for training models on {@link org.equivariant4j.core.tensor.Tensor}:
 * layers ({@code layer}, {@code activation}, {@code norm}), initialisers ({@code init}), losses
 * ({@code loss}), metrics ({@code metric}), optimisers and clipping ({@code optim}), learning-rate
 * schedules ({@code schedule}), safetensors checkpoints ({@code checkpoint}) and data loading
 * ({@code data}). Nothing here imports an engine: any {@code TensorBackend} on the class path runs it.
 */
package org.equivariant4j.nn;

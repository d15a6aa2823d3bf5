/**
 * The tensor contract: {@link org.equivariant4j.core.tensor.Tensor}, the engine SPI
 * {@link org.equivariant4j.core.tensor.TensorBackend}, and the factory
 * {@link org.equivariant4j.core.tensor.Tensors}. Engine-agnostic; no ND4J here.
 */
package org.equivariant4j.core.tensor;

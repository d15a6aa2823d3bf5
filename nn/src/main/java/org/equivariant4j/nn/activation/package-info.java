/**
 * Pointwise nonlinearities as modules, so they can sit in a {@link org.equivariant4j.nn.layer.Sequential}
 * and be passed to {@link org.equivariant4j.nn.layer.MLP} as a factory ({@code ReLU::new}).
 * Each delegates to the engine's fused op of the same name.
 */
package org.equivariant4j.nn.activation;

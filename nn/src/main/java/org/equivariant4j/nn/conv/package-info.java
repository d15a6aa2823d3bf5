/**
 * The standard convolution and pooling modules a PyTorch user reaches for first ({@code torch.nn.Conv1d/2d/3d},
 * {@code MaxPool}, {@code AvgPool}, {@code AdaptiveAvgPool/MaxPool}), over 1 to 3 spatial dimensions, on the
 * engine's convolution and pooling ops. Parameters are named and shaped as PyTorch's, so state dicts exchange.
 */
package org.equivariant4j.nn.conv;

/**
 * Optimisers over a list of {@link org.equivariant4j.core.module.Parameter}s ({@link org.equivariant4j.nn.optim.SGD},
 * {@link org.equivariant4j.nn.optim.Adam}, {@link org.equivariant4j.nn.optim.AdamW}) with PyTorch's update rules,
 * and global gradient-norm clipping. Updates run in place, outside the autodiff graph.
 */
package org.equivariant4j.nn.optim;

/**
 * Batched, seeded image augmentations on {@code [N, C, H, W]} tensors: every transform draws its per-image
 * parameters from the {@link org.equivariant4j.core.tensor.Rng} it is given, in a fixed order, and applies them to the
 * whole batch with tensor ops (grid sampling, grouped convolution, broadcasting), so the same seed gives the same views.
 */
package org.equivariant4j.ssl.augment;

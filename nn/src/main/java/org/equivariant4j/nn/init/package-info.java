/**
 * Seeded weight initialisers with PyTorch's formulas (He/Kaiming, Glorot/Xavier, the default of
 * {@code nn.Linear}), so that a seed reproduces a model on any backend.
 */
package org.equivariant4j.nn.init;

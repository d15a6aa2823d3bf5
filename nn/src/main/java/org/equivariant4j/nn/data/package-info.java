/**
 * Data for training loops: {@link org.equivariant4j.nn.data.Dataset}s of examples,
 * {@link org.equivariant4j.nn.data.DataLoader} for seeded, shuffled mini-batches, and the built-in
 * {@link org.equivariant4j.nn.data.TwoSpirals} problem.
 */
package org.equivariant4j.nn.data;

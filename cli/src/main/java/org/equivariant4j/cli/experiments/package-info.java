/**
 * The built-in experiments: {@code two-spirals} (a seconds-long check of the whole pipeline) and
 * the flagship {@code c4-tetrominoes} (an exactly C4-invariant network of nn's generic equivariant
 * blocks against an MLP with and without rotation augmentation), with their data generators and the
 * side-by-side classifier training they share.
 */
package org.equivariant4j.cli.experiments;

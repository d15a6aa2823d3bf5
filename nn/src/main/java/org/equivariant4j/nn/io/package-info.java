/**
 * Files in and out: atomic writes (checkpoints, results), and readers of untrusted data files — NumPy
 * {@code .npy/.npz} (with a writer) and IDX (MNIST) — which check every header field and name the
 * file, the expected and the found value on refusal.
 */
package org.equivariant4j.nn.io;

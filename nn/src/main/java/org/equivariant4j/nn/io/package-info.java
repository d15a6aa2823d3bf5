/**
 * Files in and out: atomic writes (checkpoints, results), and readers of untrusted data files — NumPy
 * {@code .npy/.npz} (with a writer) and IDX (MNIST). The readers check every header field against the
 * file before allocating what it declares, check the integrity of archives (CRC-32, members that do
 * not overlap, local and central headers that agree), read only what NumPy reads the same way, and
 * refuse everything else with a {@link org.equivariant4j.core.error.MalformedFileException} subclass
 * naming the file (and member), the expected and the found value. {@code ReaderFuzzTest} holds them to
 * stated memory and time bounds over a seeded corpus of mutated files.
 */
package org.equivariant4j.nn.io;

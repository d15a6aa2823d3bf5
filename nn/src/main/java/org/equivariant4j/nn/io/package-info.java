/** Writing files so that a crash never leaves a half-written one; reading and writing NumPy .npy/.npz arrays (untrusted input). */
package org.equivariant4j.nn.io;

/**
 * CPU kernels for the index primitives of message passing (segment sum, segment max, row gather),
 * used in place of ND4J's ops on the CPU backend, where those cost 35-350 ms for a [20000, 64]
 * segment reduction (PERFORMANCE.md). They read and write the arrays' host memory directly,
 * split work so that each output element has exactly one writer, and give results independent of
 * the thread count. {@link org.equivariant4j.backend.nd4j.kernels.KernelSelection} decides when
 * they run; {@code -Dequivariant4j.kernels=nd4j} turns them off.
 */
package org.equivariant4j.backend.nd4j;

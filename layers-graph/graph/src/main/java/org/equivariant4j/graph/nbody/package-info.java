/** The charged N-body system of the EGNN experiments as data: simulator, seeded splits cached on disk, batches of graphs (training on it: {@code nbody.training}). */
package org.equivariant4j.graph.nbody;

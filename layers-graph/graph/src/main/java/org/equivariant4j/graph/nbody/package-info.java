/** The charged N-body system of the EGNN experiments: simulator, seeded splits cached on disk, batches of graphs. */
package org.equivariant4j.graph.nbody;

/**
 * The charged N-body protocol of the EGNN paper for any model: {@link org.equivariant4j.graph.nbody.training.NBodyModel},
 * its trainer and the resumable experiment that model modules (EGNN, EMPCN, conditioning) register, so none of
 * them needs another model module to train. The data it trains on is {@link org.equivariant4j.graph.nbody}.
 */
package org.equivariant4j.graph.nbody.training;

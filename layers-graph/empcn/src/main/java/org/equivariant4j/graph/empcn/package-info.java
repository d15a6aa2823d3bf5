/**
 * E(n)-equivariant message passing on CW complexes (EMPCN, Kovač et al. 2024): lifting graphs to cells
 * (nodes, edges, rings), invariant cell geometry, the coupled and decoupled layers, and a network on graphs.
 */
package org.equivariant4j.graph.empcn;

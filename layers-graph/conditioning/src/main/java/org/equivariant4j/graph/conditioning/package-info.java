/**
 * Conditioning of message functions on invariant attributes (Koishekenov and Bekkers 2023): weak
 * (concatenation), strong (gating) and pure (bilinear) {@link org.equivariant4j.graph.conditioning.ModeConditionedLinear}
 * pieces, plugged into graph layers through {@link org.equivariant4j.graph.conditioning.ConditioningFactory}.
 */
package org.equivariant4j.graph.conditioning;

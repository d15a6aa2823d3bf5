/** Normalisation layers: {@link org.equivariant4j.nn.norm.LayerNorm} (per example) and {@link org.equivariant4j.nn.norm.BatchNorm} (per channel over the batch). */
package org.equivariant4j.nn.norm;

/**
 * Pluggable message functions: layers build their MLPs from {@link org.equivariant4j.graph.message.MessageLinear}
 * pieces made by a {@link org.equivariant4j.graph.message.LinearFactory}, so conditioning schemes plug in
 * without editing the layers.
 */
package org.equivariant4j.graph.message;

/** The equivariance contract as a type: {@link org.equivariant4j.core.layer.EquivariantLayer}. */
package org.equivariant4j.core.layer;

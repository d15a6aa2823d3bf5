/** The exception hierarchy: one unchecked root, {@link org.equivariant4j.core.error.Equivariant4jException}, and specific subclasses. */
package org.equivariant4j.core.error;

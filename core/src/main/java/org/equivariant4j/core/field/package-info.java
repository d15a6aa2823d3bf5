/** Feature spaces as types: {@link org.equivariant4j.core.field.FieldType} and {@link org.equivariant4j.core.field.GeometricTensor}. */
package org.equivariant4j.core.field;

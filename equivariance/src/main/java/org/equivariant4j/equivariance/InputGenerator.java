package org.equivariant4j.equivariance;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;

/**
 * Makes test inputs for a layer: a float64 field of a given type, determined by a seed so that every
 * failure can be replayed. {@link RandomFields} is the default; supply your own when a layer needs
 * special inputs (positive values, a minimum distance between points, a particular grid size).
 */
@FunctionalInterface
public interface InputGenerator {

    /** A FLOAT64 field of {@code type}; the same seed gives the same field. */
    GeometricTensor generate(FieldType type, long seed);
}

package org.equivariant4j.groups.equivariance;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.EquivariantLayer;

/**
 * Rolls a grid field one sample along its last axis: commutes with translations, not with rotations
 * or flips (a turned image should be rolled along another axis). Badly broken: errors of order one.
 */
final class ShiftedLayer extends EquivariantLayer {

    ShiftedLayer(FieldType type) {
        super(type, type);
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        return input.withTensor(input.tensor().roll(1, input.tensor().rank() - 1));
    }
}

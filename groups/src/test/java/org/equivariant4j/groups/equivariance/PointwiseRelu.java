package org.equivariant4j.groups.equivariance;

import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.EquivariantLayer;

/** ReLU entry by entry: exactly equivariant on fields whose representation permutes channels (regular, trivial). */
final class PointwiseRelu extends EquivariantLayer {

    PointwiseRelu(FieldType type) {
        super(type, type);
        if (!type.representation().supportsPointwise()) {
            throw new IllegalArgumentException("PointwiseRelu needs a permutation representation, got " + type);
        }
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        return input.withTensor(input.tensor().relu());
    }
}

package org.equivariant4j.equivariance;

import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;

/**
 * Dtype conversions of whole fields: features and, on point domains, positions move together. Public for the
 * testkit's layer contract, which runs a layer on an input in the layer's own dtype.
 */
public final class FieldConversion {

    private FieldConversion() {
    }

    /** {@code x} with its features (and positions) in {@code dtype}, detached from any graph. */
    public static GeometricTensor to(GeometricTensor x, DType dtype) {
        return withFeatures(x, x.tensor().to(dtype).detach(), dtype);
    }

    /**
     * {@code x} in float64 with values representable in {@code dtype}: rounding the input once, before the
     * group acts, means {@code f(x)} and {@code f(g·x)} see exactly transformed inputs in float32 too
     * (for permutation representations), so the measured error is the layer's, not the cast's.
     */
    static GeometricTensor representableIn(GeometricTensor x, DType dtype) {
        return to(to(x, dtype), DType.FLOAT64);
    }

    /** {@code x} with other features of the same shape; positions converted to {@code dtype}. */
    static GeometricTensor withFeatures(GeometricTensor x, Tensor features, DType dtype) {
        if (x.positions() == null) {
            return GeometricTensor.of(features, x.type());
        }
        // GeometricTensor.transform builds its matrices in the features' dtype, so positions must match it.
        return GeometricTensor.ofPoints(features, x.positions().to(dtype).detach(), x.type());
    }
}

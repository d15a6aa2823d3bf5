package org.equivariant4j.gconv.se3;

import java.util.EnumMap;
import java.util.Map;

import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A fixed tensor a layer precomputes once (interpolation matrices), materialised in the dtype of the
 * weights it meets: layers convert to float64 for checks without the constant being a saved buffer.
 */
final class Constant {
    private final double[] values;
    private final int[] shape;
    private final Map<DType, Tensor> byType = new EnumMap<>(DType.class);

    Constant(double[] values, int... shape) {
        this.values = values;
        this.shape = shape.clone();
    }

    synchronized Tensor in(DType dtype) {
        return byType.computeIfAbsent(dtype, t -> Tensors.of(values, t, shape));
    }
}

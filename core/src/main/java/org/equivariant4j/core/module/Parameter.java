package org.equivariant4j.core.module;

import java.util.Arrays;

import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.tensor.Tensor;

/**
 * A trainable tensor owned by a {@link Module}: a leaf that requires a gradient. The holder is
 * stable while its value may be replaced (a dtype change, a loaded checkpoint), so optimisers keep
 * references to parameters, not to tensors.
 */
public final class Parameter {
    private Tensor value;

    public Parameter(Tensor initial) {
        this.value = asLeaf(initial);
    }

    /** The current value (a leaf that requires a gradient). */
    public Tensor value() {
        return value;
    }

    /** The gradient accumulated by the last backward passes, or null. */
    public Tensor grad() {
        return value.grad();
    }

    public int[] shape() {
        return value.shape();
    }

    /** Replaces the value by {@code next} (detached); the shape must not change. */
    public void set(Tensor next) {
        if (!Arrays.equals(next.shape(), value.shape())) {
            throw new ShapeMismatchException("Parameter.set: expected shape " + Arrays.toString(value.shape()) + " but was "
                    + Arrays.toString(next.shape()));
        }
        value = asLeaf(next);
    }

    void zeroGrad() {
        value.zeroGrad();
    }

    private static Tensor asLeaf(Tensor t) {
        return t.detach().requiresGrad(true);
    }

    @Override
    public String toString() {
        return "Parameter" + Arrays.toString(value.shape()) + " " + value.dtype();
    }
}

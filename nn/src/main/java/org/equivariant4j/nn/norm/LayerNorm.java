package org.equivariant4j.nn.norm;

import java.util.Arrays;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.module.UnaryModule;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * Layer normalisation (Ba et al. 2016): normalises each example over its last dimensions
 * ({@code normalizedShape}) to zero mean and unit (population) variance, then, when affine,
 * scales by {@code weight} and shifts by {@code bias} (both of {@code normalizedShape}, starting
 * at 1 and 0). Behaves the same in training and evaluation; names and shapes match PyTorch's
 * {@code nn.LayerNorm}.
 */
public final class LayerNorm extends UnaryModule {
    private final int[] normalizedShape;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;
    private final int[] dims;

    /** Affine, eps 1e-5, float32. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true, DType.FLOAT32);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean affine, DType dtype) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(s -> s <= 0)) {
            throw new InvalidArgumentException("LayerNorm: normalizedShape must be non-empty and positive, got "
                    + Arrays.toString(normalizedShape));
        }
        if (!(eps > 0)) {
            throw new InvalidArgumentException("LayerNorm: eps must be positive, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.weight = affine ? registerParameter("weight", Tensors.ones(dtype, normalizedShape)) : null;
        this.bias = affine ? registerParameter("bias", Tensors.zeros(dtype, normalizedShape)) : null;
        this.dims = new int[normalizedShape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = -(i + 1);
        }
    }

    public int[] normalizedShape() {
        return normalizedShape.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] shape = input.shape();
        int k = normalizedShape.length;
        if (shape.length < k || !Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length), normalizedShape)) {
            throw new ShapeMismatchException(this + ": expected input [..., " + joined(normalizedShape) + "] but was "
                    + Arrays.toString(shape));
        }
        Tensor mean = input.mean(dims, true);
        Tensor var = input.var(dims, true);
        Tensor normalized = input.sub(mean).div(var.add(eps).sqrt());
        return weight == null ? normalized : normalized.mul(weight.value()).add(bias.value());
    }

    private static String joined(int[] values) {
        String s = Arrays.toString(values);
        return s.substring(1, s.length() - 1);
    }

    @Override
    public String toString() {
        return "LayerNorm(" + joined(normalizedShape) + (weight == null ? ", no affine" : "") + ")";
    }
}

package org.equivariant4j.gconv.regular;

import java.util.Arrays;
import java.util.Optional;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.error.ShapeMismatchException;
import org.equivariant4j.core.field.FieldType;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.group.FiniteGroup;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;

/**
 * A regular group convolution on a d-dimensional grid, lifting ({@code C x trivial -> O x regular}) or group
 * ({@code C x regular -> O x regular}): the parameter is mapped by the layer's {@link KernelTransform} to
 * the stacked kernel {@code [O·|H|, C·|H_in|, k...]} and applied by one ordinary convolution, stride 1,
 * zero padding {@code (k-1)/2} (so the output has the input's spatial size and the grid's centre stays put,
 * which the grid action needs). Bias: one per output field, shared by its |H| channels (an invariant vector
 * of the regular representation).
 *
 * <p>Parameter {@code weight}: {@code [O, C, k...]} (lifting) or {@code [O, C, |H|, k...]} (group), He-normal
 * with fan-in {@code C·|H_in|·k^d}; parameter {@code bias}: {@code [O]}, zeros.
 */
public abstract class RegularConv extends EquivariantLayer {
    private final FiniteGroup group;
    private final int inChannels;
    private final int outFields;
    private final int kernelSize;
    private final int dimension;
    private final KernelTransform transform;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor biasIndex;
    private final ConvSpec spec;

    protected RegularConv(FiniteGroup group, int dimension, boolean regularInput, int inChannels, int outFields,
            int kernelSize, boolean withBias, Rng rng) {
        super(regularInput ? RegularFields.regular(group, dimension, inChannels)
                        : RegularFields.trivial(group, dimension, inChannels),
                RegularFields.regular(group, dimension, outFields));
        String name = getClass().getSimpleName();
        if (inChannels < 1 || outFields < 1) {
            throw new InvalidArgumentException(name + ": channel counts must be >= 1, got in " + inChannels + ", out "
                    + outFields);
        }
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new InvalidArgumentException(name + ": the kernel size must be odd (a centred kernel keeps the grid"
                    + " action exact), got " + kernelSize);
        }
        this.group = group;
        this.inChannels = inChannels;
        this.outFields = outFields;
        this.kernelSize = kernelSize;
        this.dimension = dimension;
        this.transform = KernelTransform.of(name, group, dimension, kernelSize, regularInput);
        int inOrder = transform.inputOrder();
        int[] shape = new int[(regularInput ? 3 : 2) + dimension];
        shape[0] = outFields;
        shape[1] = inChannels;
        if (regularInput) {
            shape[2] = inOrder;
        }
        Arrays.fill(shape, regularInput ? 3 : 2, shape.length, kernelSize);
        double std = Math.sqrt(2.0 / (inChannels * inOrder * KernelTransform.pow(kernelSize, dimension)));
        this.weight = registerParameter("weight", Tensors.randn(rng, DType.FLOAT32, shape).mul(std));
        this.bias = withBias ? registerParameter("bias", Tensors.zeros(DType.FLOAT32, outFields)) : null;
        long[] repeat = new long[outFields * group.order()];
        for (int i = 0; i < repeat.length; i++) {
            repeat[i] = i / group.order();
        }
        this.biasIndex = Tensors.of(repeat, repeat.length);
        this.spec = ConvSpec.of(dimension).withPadding((kernelSize - 1) / 2);
    }

    public final FiniteGroup group() {
        return group;
    }

    public final int inChannels() {
        return inChannels;
    }

    public final int outFields() {
        return outFields;
    }

    public final int kernelSize() {
        return kernelSize;
    }

    /** The precomputed map from the parameter to the stacked kernel. */
    public final KernelTransform kernelTransform() {
        return transform;
    }

    /** The stacked kernel {@code [O·|H|, C·|H_in|, k...]} the convolution uses (differentiable in the weight). */
    public final Tensor stackedKernel() {
        return transform.apply(weight.value());
    }

    /** The bias per output channel {@code [O·|H|]} (each field's bias repeated over its group axis), or null. */
    public final Tensor stackedBias() {
        return bias == null ? null : bias.value().indexSelect(0, biasIndex);
    }

    /**
     * Applies the layer to a plain tensor {@code [N, C·|H_in|, S...]}; the shape is checked here and a
     * wrong one is refused naming this layer.
     */
    public final Tensor forward(Tensor input) {
        int[] s = input.shape();
        int channels = inType().channels();
        if (s.length != 2 + dimension || s[1] != channels) {
            throw new ShapeMismatchException(this + ": expected an input [N, " + channels + ", "
                    + (dimension == 2 ? "H, W" : dimension == 3 ? "D, H, W" : "L") + "] but was " + Arrays.toString(s));
        }
        return convolve(input);
    }

    @Override
    protected final GeometricTensor apply(GeometricTensor input) {
        return GeometricTensor.of(forward(input.tensor()), outType());
    }

    private Tensor convolve(Tensor x) {
        return x.conv(stackedKernel(), stackedBias(), spec);
    }

    /** Empty when the kernel transform is an index permutation; the interpolation's bound otherwise. */
    @Override
    public Optional<ApproximateEquivariance> approximation() {
        if (transform.isExact()) {
            return Optional.empty();
        }
        return Optional.of(new ApproximateEquivariance(1e-3, 0.6, group.name() + " has rotations that do not map the "
                + kernelSize + "^" + dimension + " kernel grid onto itself: their kernels are "
                + (dimension == 2 ? "bilinearly" : "trilinearly") + " interpolated. Exact (to rounding) on the"
                + " grid-preserving subgroup; under the other elements the error is the interpolation's: a few percent"
                + " of the output for smooth kernels, up to about half of it for white-noise kernels"));
    }

    /** {@code "GroupConv2d(C4: 4x regular -> 8x regular, k=3, 1,160 parameters)"}. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + group.name() + ": " + inType().representation().name() + " -> "
                + outType().representation().name() + ", k=" + kernelSize + ", " + String.format("%,d", parameterCount())
                + " parameters)";
    }
}

package org.equivariant4j.gconv.se3;

import java.util.Optional;

import org.equivariant4j.core.error.InvalidArgumentException;
import org.equivariant4j.core.field.GeometricTensor;
import org.equivariant4j.core.layer.ApproximateEquivariance;
import org.equivariant4j.core.layer.EquivariantLayer;
import org.equivariant4j.core.module.Parameter;
import org.equivariant4j.core.tensor.ConvSpec;
import org.equivariant4j.core.tensor.DType;
import org.equivariant4j.core.tensor.Rng;
import org.equivariant4j.core.tensor.Tensor;
import org.equivariant4j.core.tensor.Tensors;
import org.equivariant4j.nn.init.Fan;
import org.equivariant4j.nn.init.KaimingNormal;

/**
 * Lifting convolution R³ → SE(3): {@code out(g_i, x) = Σ_c Σ_y W(g_i⁻¹ y) f_c(x + y)} for every rotation
 * g_i of a {@link RotationGrid}. One spatial kernel per (output, input) channel is rotated to all grid
 * rotations by trilinear interpolation in ONE matmul ({@link KernelRotation}), and the stacked kernels
 * run as ONE 3D convolution. Input {@code [N, C, D, H, W]} scalars; output {@code [N, O·|grid|, D', H', W']},
 * channel {@code o·|grid| + i} holding field o at rotation g_i (the regular layout). Zero padding k/2;
 * stride s samples every s-th voxel (on cubic volumes of odd size, or size ≡ 1 mod s, the sampled voxels
 * stay symmetric about the centre).
 */
public final class SE3LiftingConv extends EquivariantLayer {
    /** He-normal with fans counted here: the kernels are restricted to the ball, so the weight's shape overcounts them. */
    private static final KaimingNormal HE = new KaimingNormal();
    private final RotationGrid grid;
    private final int inChannels;
    private final int outFields;
    private final int kernel;
    private final ConvSpec spec;
    private final Constant rotation;
    private final Parameter weight;
    private final Parameter bias;

    public SE3LiftingConv(RotationGrid grid, int inChannels, int outFields, int kernel, int stride, Rng rng) {
        super(grid.scalarType(inChannels), grid.fieldType(outFields));
        if (kernel < 1 || kernel % 2 == 0) {
            throw new InvalidArgumentException("SE3LiftingConv: kernel size must be odd (a centre voxel), was " + kernel);
        }
        this.grid = grid;
        this.inChannels = inChannels;
        this.outFields = outFields;
        this.kernel = kernel;
        this.spec = ConvSpec.of(3).withPadding(kernel / 2).withStride(stride);
        this.rotation = KernelRotation.matrix(grid, kernel);
        int k3 = kernel * kernel * kernel;
        this.weight = registerParameter("weight", HE.sample(new int[] {outFields, inChannels, k3},
                new Fan(inChannels * KernelRotation.support(kernel), outFields * KernelRotation.support(kernel)),
                DType.FLOAT32, rng));
        this.bias = registerParameter("bias", Tensors.zeros(outFields));
    }

    public RotationGrid grid() {
        return grid;
    }

    /** The stacked convolution weights {@code [O·|grid|, C, k, k, k]}: every kernel at every grid rotation. */
    Tensor stackedKernels() {
        Tensor w = weight.value();
        int n = grid.size();
        int k3 = kernel * kernel * kernel;
        Tensor rotated = w.reshape(outFields * inChannels, k3).matmul(rotation.in(w.dtype()));
        return rotated.reshape(outFields, inChannels, n, kernel, kernel, kernel).permute(0, 2, 1, 3, 4, 5)
                .reshape(outFields * n, inChannels, kernel, kernel, kernel);
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        int n = grid.size();
        Tensor b = bias.value().reshape(outFields, 1).expand(outFields, n).reshape(outFields * n);
        Tensor out = input.tensor().conv(stackedKernels(), b, spec);
        return GeometricTensor.of(out, outType());
    }

    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return Tolerances.of(grid);
    }

    @Override
    public String toString() {
        return "SE3LiftingConv(" + inChannels + " -> " + outFields + " fields on " + grid.name() + ", k=" + kernel + ")";
    }
}

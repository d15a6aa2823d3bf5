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
 * Full (non-separable) SE(3) group convolution, for comparison with {@link SE3SeparableConv}:
 * {@code out(g_i, x) = Σ_{c, j} Σ_y k[o, c](g_i⁻¹ g_j, g_i⁻¹ y) f_c(g_j, x + y)}. The kernel holds a spatial
 * kernel per (output field, input field, grid rotation); all of them are rotated to every g_i in ONE matmul,
 * read at every relative rotation g_i⁻¹ g_j by RBF interpolation in ONE batched matmul, and the resulting
 * {@code [O·n, C·n, k, k, k]} kernel runs as ONE 3D convolution.
 */
public final class SE3GroupConv extends EquivariantLayer {
    /** He-normal with fans counted here: the kernels are restricted to the ball, so the weight's shape overcounts them. */
    private static final KaimingNormal HE = new KaimingNormal();
    private final RotationGrid grid;
    private final int inFields;
    private final int outFields;
    private final int kernel;
    private final ConvSpec spec;
    private final Constant rotation;
    private final Constant relative;
    private final Parameter weight;
    private final Parameter bias;

    public SE3GroupConv(RotationGrid grid, int inFields, int outFields, int kernel, int stride, Rng rng) {
        super(grid.fieldType(inFields), grid.fieldType(outFields));
        if (kernel < 1 || kernel % 2 == 0) {
            throw new InvalidArgumentException("SE3GroupConv: kernel size must be odd (a centre voxel), was " + kernel);
        }
        this.grid = grid;
        this.inFields = inFields;
        this.outFields = outFields;
        this.kernel = kernel;
        this.spec = ConvSpec.of(3).withPadding(kernel / 2).withStride(stride);
        this.rotation = KernelRotation.matrix(grid, kernel);
        int n = grid.size();
        // (i, j, m) -> [i, m, j] for the batched matmul over the output rotation i
        double[] w = grid.relativeRbfWeights(grid);
        double[] r = new double[w.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int m = 0; m < n; m++) {
                    r[(i * n + m) * n + j] = w[(i * n + j) * n + m];
                }
            }
        }
        this.relative = new Constant(r, n, n, n);
        int k3 = kernel * kernel * kernel;
        this.weight = registerParameter("weight", HE.sample(new int[] {outFields, inFields, n, k3},
                new Fan(inFields * n * KernelRotation.support(kernel), outFields * n * KernelRotation.support(kernel)),
                DType.FLOAT32, rng));
        this.bias = registerParameter("bias", Tensors.zeros(outFields));
    }

    public RotationGrid grid() {
        return grid;
    }

    @Override
    protected GeometricTensor apply(GeometricTensor input) {
        int n = grid.size();
        int k3 = kernel * kernel * kernel;
        int o = outFields;
        int c = inFields;
        Tensor w = weight.value();
        // every spatial kernel at every output rotation i: [O, C, m, i, k³] -> [i, O·C·k³, m]
        Tensor rotated = w.reshape(o * c * n, k3).matmul(rotation.in(w.dtype())).reshape(o, c, n, n, k3)
                .permute(3, 0, 1, 4, 2).reshape(n, o * c * k3, n);
        // read at g_i⁻¹ g_j: [i, O·C·k³, m] · [i, m, j] -> [i, O, C, k³, j] -> [O·i, C·j, k, k, k]
        Tensor stacked = rotated.matmul(relative.in(w.dtype())).reshape(n, o, c, k3, n).permute(1, 0, 2, 4, 3)
                .reshape(o * n, c * n, kernel, kernel, kernel);
        Tensor b = bias.value().reshape(o, 1).expand(o, n).reshape(o * n);
        return GeometricTensor.of(input.tensor().conv(stacked, b, spec), outType());
    }

    @Override
    public Optional<ApproximateEquivariance> approximation() {
        return Tolerances.of(grid);
    }

    @Override
    public String toString() {
        return "SE3GroupConv(" + inFields + " -> " + outFields + " fields on " + grid.name() + ", k=" + kernel + ")";
    }
}
